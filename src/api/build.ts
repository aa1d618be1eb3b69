import { needsWarning } from '../content/helpCheck.js';
import type { z } from 'zod';
import type { Position } from '../content/schema.js';
import type { Outcome } from '../site/model.js';
import type { Site } from '../site/site.js';
import { changeEntries } from '../site/pages/timeline.js';
import { urls } from '../site/urls.js';
import * as S from './schemas.js';

/** Every address of the JSON API, below one versioned root. */
export const apiUrls = {
  root: '/api/v1/',
  positions: '/api/v1/positions',
  position: (id: string) => `/api/v1/positions/${id}`,
  sources: '/api/v1/sources',
  help: '/api/v1/help',
  glossary: '/api/v1/glossary',
  timeline: '/api/v1/timeline',
  changes: '/api/v1/changes',
  outcomes: '/api/v1/outcomes',
  /** An outcome by its answers, one path segment per question, e.g. /api/v1/outcomes/in-russia/deserter */
  outcome: (path: string) => `/api/v1/outcomes/${path}`,
};

/** One API address: the same body for every language, or one body per language (?lang=). */
export interface ApiResource {
  localized: boolean;
  /** lang → body; a resource that is not localized has one body under the source language. */
  bodies: Map<string, unknown>;
}

/**
 * Builds every API response once, from the same content as the pages, and checks each against its
 * schema in src/api/schemas.ts: a mismatch stops the start with the address and the problem.
 */
export function buildApi(site: Site): Map<string, ApiResource> {
  const { content, model, config } = site;
  const abs = (path: string) => `${config.baseUrl}${path}`;
  const withLang = (path: string, lang: string) => abs(`${path}?lang=${lang}`);
  const text = (lang: string, key: string): string => {
    const value = content.locales.flat[lang]?.get(key);
    if (value === undefined) throw new Error(`API: there is no text "${key}" in ${lang}`);
    return value;
  };

  const position = (lang: string, p: Position): S.ApiPosition => {
    const k = `positions:${p.id}`;
    const quoted = p.sources.filter((s) => s.quote);
    return {
      id: p.id,
      kind: p.kind,
      saidBy: p.saidBy.map((id) => ({ id, name: text(lang, `actors:${id}.name`), role: text(lang, `actors:${id}.role`) })),
      saidOn: p.saidOn ?? null,
      saidUntil: p.saidUntil ?? null,
      status: p.status,
      reportedIn: p.reportedIn ?? null,
      checkedOn: p.checkedOn,
      reviewedOn: p.reviewedOn,
      reportDiffers: p.reportDiffers,
      caveats: p.caveats.map((id) => ({ id, text: text(lang, `caveats:${id}`) })),
      appliesTo: p.appliesTo,
      related: p.related,
      afterwards: p.afterwards,
      terms: p.terms,
      sources: p.sources.map((s) => (s.quote ? { id: s.source, quote: s.quote } : { id: s.source })),
      url: abs(urls.position(lang, p.id)),
      sheetUrl: abs(urls.sheet(lang, p.id)),
      apiUrl: withLang(apiUrls.position(p.id), lang),
      text: {
        title: text(lang, `${k}.title`),
        summary: text(lang, `${k}.summary`),
        now: text(lang, `${k}.now`),
        said: text(lang, `${k}.said`),
        means: text(lang, `${k}.means`),
        doesNotMean: text(lang, `${k}.doesNotMean`),
        nextSteps: text(lang, `${k}.nextSteps`),
        afterwards: p.afterwards.length > 0 ? text(lang, `${k}.afterwards`) : undefined,
        reportSaid: p.reportDiffers ? text(lang, `${k}.reportSaid`) : undefined,
        primarySays: p.reportDiffers ? text(lang, `${k}.primarySays`) : undefined,
        quotes: quoted.length > 0 ? Object.fromEntries(quoted.map((s) => [s.source, text(lang, `${k}.quotes.${s.source}`)])) : undefined,
      },
    };
  };

  const outcome = (lang: string, o: Outcome): S.ApiOutcome => {
    const answers = o.asked.map((a) => a.answer);
    return {
      id: o.id,
      answers: o.answers,
      positions: o.statements.map((p) => p.id),
      afterwards: o.afterwards.map((p) => p.id),
      url: abs(urls.checkOutcome(lang, answers)),
      sheetUrl: abs(urls.sheet(lang, o.id)),
      apiUrl: withLang(apiUrls.outcome(o.path), lang),
      text: Object.fromEntries(
        o.asked.map(({ question: q, answer: a }) => {
          const option = `finder:${q.id}.options.${a}`;
          return [q.id, { question: text(lang, `finder:${q.id}.question`), answer: text(lang, `${option}.label`), outcome: text(lang, `${option}.outcome`) }];
        }),
      ),
    };
  };

  const links = (lang: string) => ({
    positions: withLang(apiUrls.positions, lang),
    help: withLang(apiUrls.help, lang),
    glossary: withLang(apiUrls.glossary, lang),
    timeline: withLang(apiUrls.timeline, lang),
    changes: withLang(apiUrls.changes, lang),
    outcomes: withLang(apiUrls.outcomes, lang),
  });

  const resources = new Map<string, ApiResource>();
  const add = <T extends z.ZodType>(path: string, schema: T, localized: boolean, make: (lang: string) => z.input<T>) => {
    const langs = localized ? content.langCodes : [content.sourceLang];
    const bodies = new Map<string, unknown>();
    for (const lang of langs) {
      const result = schema.safeParse(make(lang));
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new Error(`API: the response for ${path}${localized ? `?lang=${lang}` : ''} does not match its schema: ${issues}`);
      }
      bodies.set(lang, result.data);
    }
    resources.set(path, { localized, bodies });
  };

  add(apiUrls.root, S.ApiIndex, false, () => ({
    version: S.API_VERSION,
    sourceLanguage: content.sourceLang,
    languages: content.languages.map((l) => ({ code: l.code, name: l.name, review: l.review, links: links(l.code) })),
    lastReviewed: model.lastReviewed,
    links: {
      self: abs(apiUrls.root),
      positions: abs(apiUrls.positions),
      sources: abs(apiUrls.sources),
      help: abs(apiUrls.help),
      glossary: abs(apiUrls.glossary),
      timeline: abs(apiUrls.timeline),
      changes: abs(apiUrls.changes),
      outcomes: abs(apiUrls.outcomes),
    },
  }));
  add(apiUrls.positions, S.ApiPositions, true, (lang) => ({ lang, positions: content.positions.map((p) => position(lang, p)) }));
  for (const p of content.positions) add(apiUrls.position(p.id), S.ApiPositionDocument, true, (lang) => ({ lang, position: position(lang, p) }));
  add(apiUrls.sources, S.ApiSources, false, () => ({
    sources: content.sources.map((s) => ({
      id: s.id,
      kind: s.kind,
      publisher: s.publisher,
      publisherNote: s.publisherNote ? Object.fromEntries(content.langCodes.map((l) => [l, text(l, `sources:${s.id}.publisher`)])) : null,
      title: s.title ?? null,
      lang: s.lang,
      published: s.published ?? null,
      url: s.url,
      checked: s.checked,
      usedBy: (model.sourceUsedBy.get(s.id) ?? []).map((p) => p.id),
    })),
  }));
  add(apiUrls.help, S.ApiHelp, true, (lang) => ({
    lang,
    help: content.help.organisations.map((o) => ({
      id: o.id,
      name: o.name,
      latin: o.latin,
      what: text(lang, `help:${o.id}.what`),
      warning: needsWarning(o) ? text(lang, `help:${o.id}.warning`) : null,
      website: o.website,
      contacts: o.contacts.map((c) => ({ kind: c.kind, value: c.value ?? null, international: c.international ?? null, source: c.source, checked: c.checked })),
      answersIn: o.answersIn,
      helpsWith: o.helpsWith,
      forWhom: o.forWhom,
      status: { kind: o.status.kind, since: o.status.since ?? null, source: o.status.source, checked: o.status.checked, stillListed: o.status.stillListed ?? null },
      url: abs(urls.helpOrg(lang, o.id)),
    })),
    sources: content.help.sources.map((s) => ({ id: s.id, publisher: s.publisher, title: s.title ?? null, url: s.url, published: s.published ?? null, checked: s.checked })),
    safety: content.help.safety.map((n) => ({ id: n.id, text: text(lang, `help:safety.${n.id}`), sources: n.sources })),
    authorities: content.help.authorities.map((a) => ({ id: a.id, name: a.name, url: a.url, what: text(lang, `help:authorities.${a.id}`), source: a.source, checked: a.checked })),
  }));
  add(apiUrls.glossary, S.ApiGlossary, true, (lang) => ({
    lang,
    terms: content.glossary.map((g) => ({
      id: g.id,
      term: text(lang, `glossary:${g.id}.term`),
      short: text(lang, `glossary:${g.id}.short`),
      explain: text(lang, `glossary:${g.id}.explain`),
      sources: g.sources,
      url: abs(urls.term(lang, g.id)),
    })),
  }));
  add(apiUrls.timeline, S.ApiTimeline, true, (lang) => ({
    lang,
    entries: model.timeline.map((p) => ({
      id: p.id,
      kind: p.kind,
      saidOn: p.saidOn ?? null,
      saidUntil: p.saidUntil ?? null,
      status: p.status.kind,
      title: text(lang, `positions:${p.id}.title`),
      url: abs(urls.position(lang, p.id)),
      apiUrl: withLang(apiUrls.position(p.id), lang),
    })),
    charts: content.charts.map((c) => ({
      id: c.id,
      position: c.position,
      unit: c.unit,
      asOf: c.asOf,
      source: c.source,
      title: text(lang, `figures:${c.id}.title`),
      note: text(lang, `figures:${c.id}.note`),
      bars: c.bars.map((b) => ({ id: b.id, value: b.value, label: text(lang, `figures:${c.id}.bars.${b.id}`), source: b.source ?? null, asOf: b.asOf ?? null })),
    })),
  }));
  add(apiUrls.changes, S.ApiChanges, true, (lang) => ({
    lang,
    feed: abs(urls.feed(lang)),
    changes: changeEntries(site, lang).map((c) => ({
      id: c.anchor,
      on: c.on,
      kind: c.kind,
      position: c.position.id,
      text: c.note ? text(lang, `changes:${c.note}`) : text(lang, 'ui:changes.addedNote'),
      url: abs(c.position.url),
      languages: c.languages ?? null,
    })),
  }));
  add(apiUrls.outcomes, S.ApiOutcomes, true, (lang) => ({
    lang,
    questions: content.questions.map((q) => ({
      id: q.id,
      askIf: q.askIf ?? null,
      text: text(lang, `finder:${q.id}.question`),
      options: q.options.map((o) => ({ id: o, label: text(lang, `finder:${q.id}.options.${o}.label`) })),
    })),
    outcomes: model.outcomes.map((o) => outcome(lang, o)),
  }));
  for (const o of model.outcomes) add(apiUrls.outcome(o.path), S.ApiOutcomeDocument, true, (lang) => ({ lang, outcome: outcome(lang, o) }));
  return resources;
}
