import type { Position, Source } from '../../content/schema.js';
import { olderThan, STATUS_OVERDUE_MONTHS } from '../../content/statusAge.js';
import type { Site } from '../site.js';
import { urls } from '../urls.js';
import { formatDate } from '../format.js';
import { termLinks } from './glossary.js';
import { changesOf, chartsOf } from './timeline.js';

/** The publisher line readers see: the name, or the locale's line where it has words ("republished by…"). */
export function publisherLine(site: Site, lang: string, s: Source): string {
  const t = site.t[lang];
  return s.publisherNote && t ? t(`sources:${s.id}.publisher`) : s.publisher;
}

/** A source as a view shows it, in the reader's language. */
export function shownSource(site: Site, lang: string, s: Source): Source {
  return { ...s, publisher: publisherLine(site, lang, s) };
}

/** Link data for a position (its title comes from the locale in the view), with where it stands today. */
export function positionLink(lang: string, p: Position) {
  return { id: p.id, kind: p.kind, saidOn: p.saidOn, saidUntil: p.saidUntil, status: p.status, url: urls.position(lang, p.id) };
}

/**
 * A statement's name for tabs and history, which must not tell others what the reader reads about:
 * its kind and date in words ("Statement by a ministry, 22 September 2022"); the page itself keeps its title.
 */
export function neutralTitle(site: Site, lang: string, p: Position): string {
  const t = site.t[lang]!;
  return [t(`ui:kinds.${p.kind}.label`), p.saidOn && formatDate(lang, p.saidOn)].filter(Boolean).join(', ');
}

/** Everything a view needs to show one position, with its sources and links resolved. */
export function positionView(site: Site, lang: string, p: Position) {
  const { model } = site;
  const source = (id: string) => model.sourceById.get(id) as Source;
  const link = (id: string) => positionLink(lang, model.positionById.get(id) as Position);
  const sourceIds = [...new Set([...p.sources.map((s) => s.source), ...(p.reportedIn ? [p.reportedIn] : [])])];
  return {
    ...positionLink(lang, p),
    saidBy: p.saidBy,
    reported: p.reportedIn ? source(p.reportedIn).published : undefined,
    checkedOn: p.checkedOn,
    reviewedOn: p.reviewedOn,
    reportDiffers: p.reportDiffers,
    caveats: p.caveats,
    quotes: p.sources
      .filter((s) => s.quote)
      .map((s) => ({ ...s, lang: source(s.source).lang, url: source(s.source).url, publisher: publisherLine(site, lang, source(s.source)), sameLang: source(s.source).lang === lang })),
    sources: sourceIds.map((id) => shownSource(site, lang, source(id))),
    related: p.related.map(link),
    afterwards: p.afterwards.map(link),
    sheetUrl: urls.sheet(lang, p.id),
    terms: termLinks(site, lang, p.terms),
    charts: chartsOf(site, lang, p),
    changes: changesOf(lang, p),
    timelineUrl: urls.timeline(lang),
    updatesUrl: urls.updates(lang),
    now: {
      kind: p.status.kind,
      checkedOn: p.status.checkedOn,
      /** Checked more than a year ago: the page says so. */
      overdue: olderThan(p.status.checkedOn, STATUS_OVERDUE_MONTHS, model.today),
      changedBy: p.status.changedBy.map(link),
    },
  };
}

/** The text keys a position's page shows, for the translation-freshness notice. */
export function positionKeys(p: Position): string[] {
  return [`positions:${p.id}.`, ...p.saidBy.map((a) => `actors:${a}.`), ...p.caveats.map((c) => `caveats:${c}`), 'help:'];
}
