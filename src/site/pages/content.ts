import type { Page } from '../page.js';
import type { Site } from '../site.js';
import { urls } from '../urls.js';
import { allOrgs, safetyView } from '../help.js';
import { neutralTitle, positionKeys, positionLink, positionView, shownSource } from './views.js';

/** A page whose title and description are two texts: the shape every page here shares. */
function page(site: Site, lang: string, view: string, path: string, [titleKey, descriptionKey]: [string, string], rest: Partial<Page> = {}): Page {
  const t = site.t[lang]!;
  return { view, lang, path, title: t(titleKey), description: t(descriptionKey), ...rest };
}

/** Home, the list of positions, one position, sources and about: the pages that show the content. */
export function homePage(site: Site, lang: string): Page {
  return page(site, lang, 'home', urls.home(lang), ['ui:home.title', 'ui:site.tagline'], {
    tabTitle: '',
    textKeys: ['help:', 'positions:'],
    data: {
      later: site.content.positions.filter((p) => p.kind === 'later-development').map((p) => positionLink(lang, p)),
      help: allOrgs(site, lang),
      helpUrl: urls.help(lang),
      safety: safetyView(site),
      links: {
        check: urls.checkQuestion(lang),
        positions: urls.positions(lang),
        sheets: urls.sheets(lang),
        timeline: urls.timeline(lang),
        glossary: urls.glossary(lang),
        updates: urls.updates(lang),
        offline: urls.offline(lang),
      },
    },
  });
}

export function positionsPage(site: Site, lang: string): Page {
  return page(site, lang, 'positions', urls.positions(lang), ['ui:positions.title', 'ui:positions.intro'], {
    textKeys: ['positions:'],
    data: {
      count: site.content.positions.length,
      groups: site.model.byKind.map((g) => ({ kind: g.kind, positions: g.positions.map((p) => positionLink(lang, p)) })),
    },
  });
}

export function positionPage(site: Site, lang: string, id: string): Page | undefined {
  const p = site.model.positionById.get(id);
  if (!p) return undefined;
  return page(site, lang, 'position', urls.position(lang, id), [`positions:${id}.title`, `positions:${id}.summary`], {
    tabTitle: neutralTitle(site, lang, p),
    textKeys: positionKeys(p),
    data: { position: positionView(site, lang, p), help: allOrgs(site, lang), helpUrl: urls.help(lang) },
  });
}

export function sourcesPage(site: Site, lang: string): Page {
  return page(site, lang, 'sources', urls.sources(lang), ['ui:sources.title', 'ui:sources.intro'], {
    data: {
      sources: site.content.sources.map((s) => ({
        ...shownSource(site, lang, s),
        usedBy: (site.model.sourceUsedBy.get(s.id) ?? []).map((p) => positionLink(lang, p)),
      })),
    },
  });
}

export function aboutPage(site: Site, lang: string): Page {
  return page(site, lang, 'about', urls.about(lang), ['ui:about.title', 'ui:about.forText'], {
    data: {
      languages: site.content.languages,
      links: { sheets: urls.sheets(lang), help: urls.help(lang), imprint: urls.imprint(lang) },
      safety: safetyView(site),
      publisher: site.config.publisher,
      // the offline edition in every language, each named in its own language
      offline: site.content.languages.map((l) => ({ code: l.code, name: l.name, url: urls.offline(l.code) })),
    },
  });
}

const ERRORS = {
  400: ['ui:errors.badRequestTitle', 'ui:errors.badRequestText'],
  404: ['ui:errors.notFoundTitle', 'ui:errors.notFoundText'],
  500: ['ui:errors.serverErrorTitle', 'ui:errors.serverErrorText'],
} as const;

export type ErrorStatus = keyof typeof ERRORS;

export function errorPage(site: Site, lang: string, status: ErrorStatus): Page {
  const [titleKey, textKey] = ERRORS[status];
  return page(site, lang, 'error', urls.notFound(lang), [titleKey, textKey], {
    status,
    noindex: true,
    data: { titleKey, textKey, checkUrl: urls.checkQuestion(lang) },
  });
}
