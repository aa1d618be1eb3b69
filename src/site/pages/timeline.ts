import type { Chart, Position, Source } from '../../content/schema.js';
import { changeAnchor, changeShownIn } from '../model.js';
import { formatNumber } from '../format.js';
import type { Page } from '../page.js';
import type { Site } from '../site.js';
import { urls } from '../urls.js';
import { positionLink, shownSource } from './views.js';

/** A chart as the view draws it: each bar's number as text, and its length relative to the longest bar. */
export function chartView(site: Site, lang: string, c: Chart) {
  const source = (id: string) => shownSource(site, lang, site.model.sourceById.get(id) as Source);
  const max = Math.max(...c.bars.map((b) => b.value), 1);
  const ownSources = c.bars.some((b) => b.source && b.source !== c.source);
  return {
    id: c.id,
    unit: c.unit,
    asOf: c.asOf,
    source: { ...source(c.source), link: `${urls.sources(lang)}#source-${c.source}` },
    /** Bars with their own sources list them under the chart; otherwise the chart's one source is enough. */
    barSources: ownSources,
    bars: c.bars.map((b) => ({
      id: b.id,
      value: b.value,
      text: formatNumber(lang, b.value, c.unit),
      /** Percent of the drawing's width; at least a sliver, so that a small figure is still seen. */
      width: Math.max((b.value / (c.unit === 'percent' ? 100 : max)) * 100, 0.5).toFixed(1),
      asOf: b.asOf,
      source: b.source && ownSources ? { ...source(b.source), link: `${urls.sources(lang)}#source-${b.source}` } : undefined,
    })),
  };
}

/** The charts that belong to a position, ready for its page. */
export function chartsOf(site: Site, lang: string, p: Position) {
  return (site.model.chartsByPosition.get(p.id) ?? []).map((c) => chartView(site, lang, c));
}

/** A position's record of changes in one language, newest first, and the day of the newest. */
export function changesOf(lang: string, p: Position) {
  const shown = p.changes.filter((c) => changeShownIn(c, lang)).reverse();
  return { lastUpdated: shown[0]?.on, list: shown.map((c) => ({ ...c, anchor: `change-${changeAnchor(c)}` })) };
}

/** /{lang}/timeline: every position once, grouped by year, in date order; legal background without a date last. */
export function timelinePage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  const years = new Map<string, ReturnType<typeof positionLink>[]>();
  for (const p of site.model.timeline) {
    const year = p.saidOn?.slice(0, 4) ?? '';
    years.set(year, [...(years.get(year) ?? []), positionLink(lang, p)]);
  }
  return {
    view: 'timeline',
    lang,
    path: urls.timeline(lang),
    title: t('ui:timeline.title'),
    description: t('ui:timeline.description'),
    textKeys: ['positions:', 'figures:'],
    data: {
      groups: [...years].map(([year, entries]) => ({ year, entries })),
      charts: site.content.charts.map((c) => ({ ...chartView(site, lang, c), position: positionLink(lang, site.model.positionById.get(c.position) as Position) })),
      links: { updates: urls.updates(lang) },
    },
  };
}

/** The changes readers of a language see, newest first, each with its position's page. */
export function changeEntries(site: Site, lang: string) {
  return site.model.changes.filter((c) => changeShownIn(c, lang)).map((c) => ({ ...c, position: positionLink(lang, c.position) }));
}

/**
 * The changes grouped as readers meet them: by day (newest first), then by kind (a day's corrections, updates,
 * additions), then one entry per change (its note) with the pages it touched; each page keeps its own anchor
 * (the feed's entry ids point at them). A kind with several changes that day reads as one folded entry.
 */
function changeDays(site: Site, lang: string) {
  type Change = { kind: string; note?: string; anchor: string; pages: ReturnType<typeof changeEntries> };
  const days = new Map<string, Map<string, Map<string, Change>>>();
  for (const c of changeEntries(site, lang)) {
    const day = days.get(c.on) ?? new Map<string, Map<string, Change>>();
    days.set(c.on, day);
    const kind = day.get(c.kind) ?? new Map<string, Change>();
    day.set(c.kind, kind);
    const key = changeAnchor({ on: c.on, kind: c.kind, note: c.note });
    const entry = kind.get(key) ?? { kind: c.kind, note: c.note, anchor: `change-${key}`, pages: [] };
    entry.pages.push(c);
    kind.set(key, entry);
  }
  return [...days].map(([on, kinds]) => ({
    on,
    kinds: [...kinds].map(([kind, changes]) => {
      const list = [...changes.values()];
      return { kind, changes: list, folded: list.length > 1, pageCount: new Set(list.flatMap((x) => x.pages.map((p) => p.position.id))).size };
    }),
  }));
}

/** /{lang}/updates: every change of the site, newest first, grouped by day and change, with the feed. */
export function updatesPage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  return {
    view: 'updates',
    lang,
    path: urls.updates(lang),
    title: t('ui:updates.title'),
    description: t('ui:updates.description'),
    textKeys: ['changes:', 'positions:'],
    data: { days: changeDays(site, lang), links: { feed: urls.feed(lang), timeline: urls.timeline(lang) } },
  };
}
