import type { Position, Source } from '../../content/schema.js';
import type { Page } from '../page.js';
import type { Site } from '../site.js';
import { urls } from '../urls.js';
import { shownSource } from './views.js';

/** Links to the glossary for these term ids, in glossary order. */
export function termLinks(site: Site, lang: string, ids: Iterable<string>) {
  const wanted = new Set(ids);
  return site.content.glossary.filter((t) => wanted.has(t.id)).map((t) => ({ id: t.id, url: urls.term(lang, t.id) }));
}

/** The terms several positions use, each once, in glossary order. */
export function termsOf(site: Site, lang: string, positions: Position[]) {
  return termLinks(site, lang, positions.flatMap((p) => p.terms));
}

/** /{lang}/glossary: every term in the reader's alphabetical order, each with its anchor and sources. */
export function glossaryPage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  const collator = new Intl.Collator(lang);
  const terms = site.content.glossary
    .map((term) => ({
      id: term.id,
      name: t(`glossary:${term.id}.term`),
      sources: term.sources.map((id) => ({
        ...shownSource(site, lang, site.model.sourceById.get(id) as Source),
        link: `${urls.sources(lang)}#source-${id}`,
      })),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return {
    view: 'glossary',
    lang,
    path: urls.glossary(lang),
    title: t('ui:glossary.title'),
    description: t('ui:glossary.description'),
    textKeys: ['glossary:'],
    data: { terms },
  };
}
