import type { Position, Source } from '../../content/schema.js';
import type { Outcome } from '../model.js';
import type { Page } from '../page.js';
import { qrSvg } from '../qr.js';
import type { Site } from '../site.js';
import { sheetOrgs } from '../help.js';
import { answersLabel, inShort, outcomeTitle } from './check.js';
import { termsOf } from './glossary.js';
import { urls } from '../urls.js';
import type { PageEntry } from './index.js';
import { neutralTitle, positionKeys, positionLink, positionView, shownSource } from './views.js';

/**
 * Printable information sheets: one for every position and every finder outcome, at
 * /{lang}/sheets/{id}, and all of a language's sheets on one page at /{lang}/sheets/.
 * A sheet carries the address of its live page (position page or finder outcome) in words
 * and as a QR code, so a printout always leads back to the current version.
 */
export function sheetPages(site: Site, lang: string): PageEntry[] {
  return [
    { path: urls.sheets(lang), build: () => sheetsPage(site, lang) },
    ...[...site.content.positions.map((p) => p.id), ...site.model.outcomes.map((o) => o.id)].map((id) => ({ path: urls.sheet(lang, id), build: () => sheetPage(site, lang, id)! })),
  ];
}

/**
 * Where a sheet is shown: on its own page (from h1), in the set of a language's sheets (from h2), or
 * in the offline edition (a statement's sheet, from h3), which has one caveat, one help list and one
 * word list for all, and links inside the file instead of printed addresses and QR codes.
 */
const LEVELS = { alone: { title: 1, section: 2, sub: 3 }, inSet: { title: 2, section: 3, sub: 4 }, offline: { title: 3, section: 4, sub: 5 } } as const;
export type Placement = keyof typeof LEVELS;

/** QR codes are made once per site and address; pages are built more than once (table, request). */
const qrCache = new WeakMap<Site, Map<string, ReturnType<typeof qrSvg>>>();
function qrFor(site: Site, address: string) {
  let cache = qrCache.get(site);
  if (!cache) qrCache.set(site, (cache = new Map()));
  let qr = cache.get(address);
  if (!qr) cache.set(address, (qr = qrSvg(address)));
  return qr;
}

/**
 * The QR code of the longest address a sheet prints (BASE_URL and the longest sheet address of any
 * language), made before the server listens: a public address too long for it fails the start, not
 * a reader's request. Returns that address. (BASE_URL holds only plain-address characters, so its
 * length is the only thing that can break a sheet; test/site/settings.test.ts builds every page with
 * the longest accepted value.)
 */
export function longestSheetAddress(site: Site): string {
  const ids = [...site.content.positions.map((p) => p.id), ...site.model.outcomes.map((o) => o.id)];
  const id = ids.reduce((a, b) => (b.length > a.length ? b : a), '');
  const lang = site.content.langCodes.reduce((a, b) => (b.length > a.length ? b : a), '');
  const address = `${site.config.baseUrl}${urls.sheet(lang, id)}`;
  qrFor(site, address);
  return address;
}

function newest(positions: Position[], fallback: string): string {
  return positions.map((p) => p.reviewedOn).sort().at(-1) ?? fallback;
}

/** Every source of these positions, once each, in the order they are first named. */
function sourcesOf(site: Site, lang: string, positions: Position[]): Source[] {
  const ids = new Set(positions.flatMap((p) => [...p.sources.map((s) => s.source), ...(p.reportedIn ? [p.reportedIn] : [])]));
  return [...ids].map((id) => shownSource(site, lang, site.model.sourceById.get(id) as Source));
}

/** A link to one of our pages, with the full address to print next to it. */
function withLiveUrl<T extends { url: string }>(site: Site, link: T) {
  return { ...link, liveUrl: `${site.config.baseUrl}${link.url}` };
}


/** A position as its page shows it, with full addresses for the entries it links to (unless they are in the same file). */
function positionSheetView(site: Site, lang: string, p: Position, addresses: boolean) {
  const view = positionView(site, lang, p);
  const link = <T extends { url: string }>(a: T) => (addresses ? withLiveUrl(site, a) : a);
  // On paper, an entry that changed the position and is listed under "what happened afterwards" is printed once, there.
  const listedAfterwards = new Set(view.afterwards.map((a) => a.id));
  return {
    ...view,
    afterwards: view.afterwards.map(link),
    now: { ...view.now, changedBy: view.now.changedBy.filter((a) => !listedAfterwards.has(a.id)).map(link) },
  };
}

/** The words and links a finder outcome's sheet shows. */
function outcomeView(site: Site, lang: string, o: Outcome) {
  const item = (p: Position) => withLiveUrl(site, positionLink(lang, p));
  return {
    answers: o.asked.map((a) => ({ question: a.question.id, option: a.answer })),
    /** The same "In short" as the outcome page, first on the sheet. */
    inShort: inShort(o),
    statements: o.statements.map(item),
    afterwards: o.afterwards.map(item),
  };
}

/** Everything one sheet shows, for the sheet page, the set and the offline edition. */
export function sheetView(site: Site, lang: string, id: string, placement: Placement) {
  const p = site.model.positionById.get(id);
  const o = p ? undefined : site.model.outcomeById.get(id);
  if (!p && !o) return undefined;
  const t = site.t[lang]!;
  const shown = p ? [p] : [...o!.statements, ...o!.afterwards];
  const livePath = p ? urls.position(lang, p.id) : urls.checkOutcome(lang, o!.asked.map((a) => a.answer));
  const liveUrl = `${site.config.baseUrl}${livePath}`;
  // Inside the set, anchors get the sheet's id in front, so that no id is used twice on the page.
  const anchor = placement === 'alone' ? '' : `${id}-`;
  const offline = placement === 'offline';
  const title = p
    ? t(`positions:${p.id}.title`)
    : answersLabel(site, lang, o!.asked);
  return {
    id,
    type: p ? 'position' : 'outcome',
    /** For lists and the window title: the position's title, or the situation's answers. */
    title,
    /** The sheet's own heading. */
    heading: p ? title : t('ui:check.resultTitle'),
    summary: p ? t(`positions:${p.id}.summary`) : undefined,
    url: urls.sheet(lang, id),
    liveUrl,
    /** The offline edition's address, printed on every sheet (not in the edition itself). */
    offlineUrl: offline ? undefined : `${site.config.baseUrl}${urls.offline(lang)}`,
    asOf: newest(shown, site.model.lastReviewed),
    qr: offline ? undefined : qrFor(site, liveUrl),
    level: LEVELS[placement],
    inSet: placement === 'inSet',
    anchor,
    // A position's own caveats; a situation's sheet lists many statements, each with its own sheet.
    caveats: p ? p.caveats : [],
    // "id" only names each list item's anchor in the shared source list.
    sources: sourcesOf(site, lang, shown).map((s) => ({ ...s, id: `${anchor}${s.id}` })),
    // A situation's sheet prints the organisations for its place that fit best (with any warning); a statement's,
    // read anywhere, those that answer in Russian and whose listing there does not make contact itself dangerous;
    // both at most three, with the directory's address for the rest.
    help: offline ? [] : sheetOrgs(site, lang, o?.asked.map((a) => a.answer)),
    helpDirectory: `${site.config.baseUrl}${urls.help(lang)}`,
    /** Offline: one help list for the whole file, linked from every sheet. */
    helpLink: offline ? `${urls.home(lang)}#help` : undefined,
    // Each statement's own sheet explains its words. A situation's sheet prints "In short" instead of its answers' full
    // texts, and keeps to two pages at 10 pt: its words are explained on its page (and in the glossary), not on paper.
    // Offline, the file's own word list explains them all.
    terms: offline || !p ? [] : termsOf(site, lang, [p]),
    /** Offline: the as-of line names the website, and sources are listed in their short form. */
    offline,
    position: p ? positionSheetView(site, lang, p, !offline) : undefined,
    outcome: o ? outcomeView(site, lang, o) : undefined,
  };
}

function sheetKeys(site: Site, id: string): string[] {
  const p = site.model.positionById.get(id);
  const o = site.model.outcomeById.get(id);
  const shown = p ? [p] : o ? [...o.statements, ...o.afterwards] : [];
  return [...new Set([...(o ? ['finder:'] : []), ...shown.flatMap(positionKeys)])];
}

/** One sheet on its own page; undefined for an unknown id (the server then answers 404). */
export function sheetPage(site: Site, lang: string, id: string): Page | undefined {
  const sheet = sheetView(site, lang, id, 'alone');
  if (!sheet) return undefined;
  const p = site.model.positionById.get(id);
  return {
    view: 'sheet',
    lang,
    path: urls.sheet(lang, id),
    // A situation's sheet is titled by its place only: tabs, history and previews never name the reader's role.
    title: sheet.type === 'position' ? sheet.title : site.t[lang]!('ui:check.sheetTitle', { title: outcomeTitle(site, lang, site.model.outcomeById.get(id)!) }),
    // A statement's sheet keeps its title in previews, but the tab and history name only its kind and date.
    tabTitle: p ? site.t[lang]!('ui:check.sheetTitle', { title: neutralTitle(site, lang, p) }) : undefined,
    description: sheet.summary ?? site.t[lang]!('ui:sheets.intro'),
    private: sheet.type === 'outcome' || undefined,
    textKeys: sheetKeys(site, id),
    data: { sheet, links: { sheets: urls.sheets(lang) } },
  };
}

/**
 * The situations' sheets as a compact table: one table per place (the first answer), one row per answer to the
 * second question, and in it a link to each sheet of that row (named by the answers after the second, if any).
 */
function situationTable(site: Site, lang: string) {
  const t = site.t[lang]!;
  const [first, second] = site.content.questions;
  const label = (a: Outcome['asked'][number]) => t(`finder:${a.question.id}.options.${a.answer}.label`);
  return (first?.options ?? []).map((place) => {
    const here = site.model.outcomes.filter((o) => o.asked[0]?.answer === place);
    const rows = (second?.options ?? []).map((who) => ({
      label: t(`finder:${second!.id}.options.${who}.label`),
      sheets: here.filter((o) => o.asked[1]?.answer === who).map((o) => ({ url: urls.sheet(lang, o.id), label: o.asked.length > 2 ? o.asked.slice(2).map(label).join(' · ') : t('ui:sheets.sheetLink') })),
    }));
    return { id: place, label: t(`finder:${first!.id}.options.${place}.label`), rows: rows.filter((r) => r.sheets.length > 0) };
  });
}

/** All sheets of a language on one page, each starting on a new sheet of paper. */
export function sheetsPage(site: Site, lang: string): Page {
  const t = site.t[lang]!;
  const ids = [...site.content.positions.map((p) => p.id), ...site.model.outcomes.map((o) => o.id)];
  const sheets = ids.map((id) => sheetView(site, lang, id, 'inSet')!);
  return {
    view: 'sheets',
    lang,
    path: urls.sheets(lang),
    title: t('ui:sheets.title'),
    description: t('ui:sheets.intro'),
    textKeys: ['positions:', 'finder:', 'caveats:', 'actors:', 'help:'],
    data: {
      places: situationTable(site, lang),
      positionSheets: sheets.filter((s) => s.type === 'position'),
      sheets,
    },
  };
}
