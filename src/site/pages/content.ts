import type { Page } from '../page.js';
import type { Site } from '../site.js';
import { urls } from '../urls.js';
import { positionKeys, positionLink, positionView } from './views.js';

/** Home, the list of positions, one position, sources and about: the pages that show the content. */
export function homePage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  return {
    view: 'home',
    lang,
    path: urls.home(lang),
    title: t('ui:home.title'),
    description: t('ui:site.tagline'),
    textKeys: ['help:', 'positions:'],
    data: {
      later: site.content.positions.filter((p) => p.kind === 'later-development').map((p) => positionLink(lang, p)),
      help: site.content.help,
      links: { check: urls.checkQuestion(lang), positions: urls.positions(lang), sheets: urls.sheets(lang) },
    },
  };
}

export function positionsPage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  return {
    view: 'positions',
    lang,
    path: urls.positions(lang),
    title: t('ui:positions.title'),
    description: t('ui:positions.intro'),
    textKeys: ['positions:'],
    data: {
      count: site.content.positions.length,
      groups: site.model.byKind.map((g) => ({ kind: g.kind, positions: g.positions.map((p) => positionLink(lang, p)) })),
    },
  };
}

export function positionPage(site: Site, lang: string, id: string): Page | undefined {
  const p = site.model.positionById.get(id);
  if (!p) return undefined;
  const t = site.t[lang]!;
  return {
    view: 'position',
    lang,
    path: urls.position(lang, id),
    title: t(`positions:${id}.title`),
    description: t(`positions:${id}.summary`),
    textKeys: positionKeys(p),
    data: { position: positionView(site, lang, p), help: site.content.help },
  };
}

export function sourcesPage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  return {
    view: 'sources',
    lang,
    path: urls.sources(lang),
    title: t('ui:sources.title'),
    description: t('ui:sources.intro'),
    data: {
      sources: site.content.sources.map((s) => ({
        ...s,
        usedBy: (site.model.sourceUsedBy.get(s.id) ?? []).map((p) => positionLink(lang, p)),
      })),
    },
  };
}

export function aboutPage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  return {
    view: 'about',
    lang,
    path: urls.about(lang),
    title: t('ui:about.title'),
    description: t('ui:about.forText'),
    data: { languages: site.content.languages },
  };
}

const ERRORS = {
  400: ['ui:errors.badRequestTitle', 'ui:errors.badRequestText'],
  404: ['ui:errors.notFoundTitle', 'ui:errors.notFoundText'],
  500: ['ui:errors.serverErrorTitle', 'ui:errors.serverErrorText'],
} as const;

export type ErrorStatus = keyof typeof ERRORS;

export function errorPage(site: Site, lang: string, status: ErrorStatus): Page {
  const t = site.t[lang]!;
  const [titleKey, textKey] = ERRORS[status];
  return {
    view: 'error',
    lang,
    path: urls.notFound(lang),
    title: t(titleKey),
    description: t(textKey),
    status,
    noindex: true,
    data: { titleKey, textKey, checkUrl: urls.checkQuestion(lang) },
  };
}
