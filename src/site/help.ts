import { IN_RUSSIA, needsWarning, WHERE_QUESTION } from '../content/helpCheck.js';
import type { HelpContact, HelpOrg, HelpSource } from '../content/schema.js';
import type { Site } from './site.js';
import { urls } from './urls.js';

/** The language the directory is made for: organisations that answer in it come first, and only they are named "in short". */
const ANSWER_LANG = 'ru';

/** A link a reader can follow for a contact: a phone number to call, an address to write to, a channel to open. */
function contactHref(c: HelpContact): string | undefined {
  if (!c.value) return undefined;
  if (c.kind === 'phone') return `tel:${(c.international ?? c.value).replace(/[^+\d]/g, '')}`;
  if (c.kind === 'email') return `mailto:${c.value}`;
  return /^https:\/\//.test(c.value) ? c.value : undefined;
}

const keepTogether = (s: string | undefined) => s?.replace(/ /g, '\u00a0');

/** Language names in the reader's language; display-name tables are costly to make, so one per language. */
const displayNames = new Map<string, Intl.DisplayNames | undefined>();
function languageName(lang: string, code: string): string {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(lang, new Intl.DisplayNames([lang], { type: 'language' }));
    } catch {
      displayNames.set(lang, undefined);
    }
  }
  return displayNames.get(lang)?.of(code) ?? code;
}

/** Sources by id, once per site. */
const sourceMaps = new WeakMap<Site, Map<string, HelpSource>>();
function sourceById(site: Site): Map<string, HelpSource> {
  let map = sourceMaps.get(site);
  if (!map) sourceMaps.set(site, (map = new Map(site.content.help.sources.map((s) => [s.id, s]))));
  return map;
}

/** The sources behind these ids, once each, in the order first named. */
function sourcesFor(site: Site, ids: string[]): HelpSource[] {
  const byId = sourceById(site);
  return [...new Set(ids)].map((id) => byId.get(id)!);
}

/** Views are the same for every page of a language: made once per site, language and organisation. */
const views = new WeakMap<Site, Map<string, ReturnType<typeof makeOrgView>>>();

/** One organisation as every view shows it: each fact with its checked date, and the sources of them all. */
export function orgView(site: Site, lang: string, o: HelpOrg) {
  let cache = views.get(site);
  if (!cache) views.set(site, (cache = new Map()));
  const key = `${lang} ${o.id}`;
  let view = cache.get(key);
  if (!view) cache.set(key, (view = makeOrgView(site, lang, o)));
  return view;
}

function makeOrgView(site: Site, lang: string, o: HelpOrg) {
  return {
    id: o.id,
    anchor: `help-${o.id}`,
    name: o.name,
    latin: o.latin === o.name ? undefined : o.latin,
    whatKey: `help:${o.id}.what`,
    warningKey: needsWarning(o) ? `help:${o.id}.warning` : undefined,
    website: o.website,
    // a phone number never breaks across lines
    contacts: o.contacts.map((c) => ({ ...c, ...(c.kind === 'phone' ? { value: keepTogether(c.value), international: keepTogether(c.international) } : {}), kindKey: `help:contactKinds.${c.kind}`, link: contactHref(c) })),
    // empty where no source says: the views then say the languages are not confirmed
    languages: o.answersIn.languages.map((code) => languageName(lang, code)).join(', '),
    answersChecked: o.answersIn.checked,
    topicKeys: o.helpsWith.map((t) => `help:topics.${t}`),
    placeKeys: o.forWhom.map((w) => `finder:${WHERE_QUESTION}.options.${w}.place`),
    status: { ...o.status, kindKey: `help:statusKinds.${o.status.kind}`, dangerous: needsWarning(o) },
    sources: sourcesFor(site, [o.website.source, ...o.contacts.map((c) => c.source), o.answersIn.source, o.status.source, ...(o.status.stillListed ? [o.status.stillListed.source] : [])]),
  };
}
export type OrgView = ReturnType<typeof orgView>;

/** The finder's place answers, each with the address of its part of the directory. */
export function helpPlaces(site: Site, lang: string) {
  const where = site.content.questions.find((q) => q.id === WHERE_QUESTION);
  return (where?.options ?? []).map((id) => ({ id, placeKey: `finder:${WHERE_QUESTION}.options.${id}.place`, url: urls.helpPlace(lang, id) }));
}

/** What to read before making contact, each note with its sources. */
export function safetyView(site: Site) {
  return site.content.help.safety.map((n) => ({ id: n.id, textKey: `help:safety.${n.id}`, sources: sourcesFor(site, n.sources) }));
}

export function authoritiesView(site: Site) {
  return site.content.help.authorities.map((a) => ({ ...a, textKey: `help:authorities.${a.id}`, sourceRef: sourceById(site).get(a.source)! }));
}

/** Every organisation, in the order of rules/help.yaml. */
export function allOrgs(site: Site, lang: string): OrgView[] {
  return site.content.help.organisations.map((o) => orgView(site, lang, o));
}

/**
 * The organisations for readers at one place: those that answer in Russian first, then those that
 * counsel in other languages only; within each, those that fit the answers first (by the topics that
 * rules/help.yaml gives each answer under "fits"; ties keep the file's order).
 */
export function orgsFor(site: Site, place: string, answers: string[] = []): HelpOrg[] {
  const { organisations, fits } = site.content.help;
  const wanted = answers.flatMap((a) => fits[a] ?? []);
  const score = (o: HelpOrg) => wanted.reduce((sum, topic, i) => sum + (o.helpsWith.includes(topic) ? wanted.length - i : 0), 0);
  return organisations
    .filter((o) => o.forWhom.includes(place))
    .map((o, i) => ({ o, i, s: score(o), ru: o.answersIn.languages.includes(ANSWER_LANG) ? 1 : 0 }))
    .sort((a, b) => b.ru - a.ru || b.s - a.s || a.i - b.i)
    .map(({ o }) => o);
}

/**
 * The one or two organisations an outcome's "In short" names: they answer in Russian, can be reached
 * beyond their website, and are not listed in a way that makes contact itself dangerous from Russia.
 */
export function inShortOrgs(orgs: HelpOrg[], place: string): HelpOrg[] {
  return orgs
    .filter((o) => o.answersIn.languages.includes(ANSWER_LANG) && o.contacts.length > 0 && !(place === IN_RUSSIA && needsWarning(o)))
    .slice(0, 2);
}

/** How many organisations a sheet prints (with every contact in full); the directory's printed address leads to the rest. */
export const SHEET_ORGS = 3;

/**
 * The organisations a sheet prints: a situation's sheet, those for its place that fit its answers best; a statement's
 * sheet (read anywhere), those that answer in Russian, are not listed in Russia in a way that makes contact itself
 * dangerous, and serve readers in the most places.
 */
export function sheetOrgs(site: Site, lang: string, answers?: string[]): (OrgView & { printStatus: boolean })[] {
  const orgs = answers
    ? orgsFor(site, answers[0] ?? '', answers.slice(1))
    : site.content.help.organisations
        .filter((o) => o.answersIn.languages.includes(ANSWER_LANG) && o.contacts.length > 0 && !needsWarning(o))
        .map((o, i) => ({ o, i }))
        .sort((a, b) => b.o.forWhom.length - a.o.forWhom.length || a.i - b.i)
        .map(({ o }) => o);
  // A situation's sheet prints the status in Russia where it matters: for readers there, and wherever an organisation is listed.
  const place = answers?.[0];
  return orgs.slice(0, SHEET_ORGS).map((o) => ({ ...orgView(site, lang, o), printStatus: !!answers && (place === IN_RUSSIA || o.status.kind !== 'none-found') }));
}

/** How many organisations an outcome's help block shows open (on a phone, about one screen); the others are folded below them. */
export const OUTCOME_ORGS_SHOWN = 3;

/** An outcome's help block: the organisations for its place, those that fit first, and what to read before contact. */
export function outcomeHelp(site: Site, lang: string, answers: string[]) {
  const place = answers[0] ?? '';
  const orgs = orgsFor(site, place, answers.slice(1));
  const views = orgs.map((o) => orgView(site, lang, o));
  const placeKey = `finder:${WHERE_QUESTION}.options.${place}.place`;
  return {
    place,
    placeKey,
    inShort: inShortOrgs(orgs, place).map((o) => {
      const view = orgView(site, lang, o);
      return { id: o.id, anchor: view.anchor, name: o.name, latin: view.latin, contact: view.contacts[0] };
    }),
    orgs: views,
    shown: views.slice(0, OUTCOME_ORGS_SHOWN),
    folded: views.slice(OUTCOME_ORGS_SHOWN),
    safety: safetyView(site),
    placeUrl: urls.helpPlace(lang, place),
    allUrl: urls.help(lang),
  };
}
export type OutcomeHelp = ReturnType<typeof outcomeHelp>;
