import { allOrgs, authoritiesView, helpPlaces, orgsFor, orgView, safetyView } from '../help.js';
import type { Page } from '../page.js';
import type { Site } from '../site.js';
import { urls } from '../urls.js';
import type { PageEntry } from './index.js';

/** Everything the directory shows in one language: used by its pages and by the offline edition. */
export function directoryData(site: Site, lang: string) {
  return {
    places: helpPlaces(site, lang).map((p) => ({ ...p, orgs: orgsFor(site, p.id).map((o) => ({ id: o.id, name: o.name, anchor: `help-${o.id}` })) })),
    orgs: allOrgs(site, lang),
    safety: safetyView(site),
    authorities: authoritiesView(site),
  };
}

/** /{lang}/help: every organisation once (anchor #help-{id}), grouped links by place, what to read first, the authorities. */
export function helpPage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  return {
    view: 'help',
    lang,
    path: urls.help(lang),
    title: t('help:ui.title'),
    description: t('help:ui.intro'),
    textKeys: ['help:'],
    data: { directory: directoryData(site, lang) },
  };
}

/** /{lang}/help/{place}: the organisations for readers at one place (the finder's place answers). */
export function helpPlacePage(site: Site, lang: string, place: string): Page {
  const t = site.t[lang]!;
  const placeText = t(`finder:where.options.${place}.place`);
  return {
    view: 'help-place',
    lang,
    path: urls.helpPlace(lang, place),
    title: t('help:ui.placeTitle', { place: placeText }),
    description: t('help:ui.placeIntro', { place: placeText }),
    textKeys: ['help:'],
    data: {
      place,
      placeText,
      orgs: orgsFor(site, place).map((o) => orgView(site, lang, o)),
      safety: safetyView(site),
      authorities: authoritiesView(site),
      places: helpPlaces(site, lang),
      allUrl: urls.help(lang),
    },
  };
}

/** /{lang}/imprint: who publishes this copy, from the settings, or that it names none. */
export function imprintPage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  return {
    view: 'imprint',
    lang,
    path: urls.imprint(lang),
    title: t('help:ui.imprintTitle'),
    description: t('help:ui.imprintIntro'),
    data: { publisher: site.config.publisher },
  };
}

export function helpPages(site: Site, lang: string): PageEntry[] {
  return [
    { path: urls.help(lang), build: () => helpPage(site, lang) },
    ...helpPlaces(site, lang).map((p) => ({ path: p.url, build: () => helpPlacePage(site, lang, p.id) })),
    { path: urls.imprint(lang), build: () => imprintPage(site, lang) },
  ];
}
