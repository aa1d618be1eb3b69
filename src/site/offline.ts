import { createHash } from 'node:crypto';
import type { Site } from './site.js';
import { glossaryPage } from './pages/glossary.js';
import { homePage } from './pages/content.js';
import { answersLabel, outcomeData } from './pages/check.js';
import { sheetView } from './pages/sheets.js';
import { timelinePage } from './pages/timeline.js';
import { renderPage } from './page.js';
import { urls } from './urls.js';

/**
 * The offline edition: a language's whole guide in one self-contained HTML file that can be
 * forwarded in a messenger and read without a connection. Built from the same data, views and
 * sheets as the pages; its stylesheet is inside the file and every link to one of our pages leads
 * to the part of the file that holds it.
 */
export interface OfflineEdition {
  html: string;
  /** The name it is saved under: language and edition date, nothing about the reader. */
  fileName: string;
}

/** The day of the newest review or change: the edition's date. */
export function editionDate(site: Site): string {
  return [site.model.lastReviewed, ...site.model.changes.map((c) => c.on)].sort().at(-1) ?? site.model.lastReviewed;
}

export function offlineFileName(lang: string, edition: string): string {
  return `germany-guide-${lang}-${edition}.html`;
}

/**
 * Where a link to one of our addresses leads inside the file: a statement or a situation to its
 * sheet, the glossary, timeline, sources and help to their sections. An address the file does not
 * hold (another language, the list of changes) leads to the live site.
 */
export function inFileLinks(site: Site, lang: string): (target: string) => string {
  const { model } = site;
  const live = (target: string) => `${site.config.baseUrl}${target}`;
  const sections: Record<string, string> = { '': 'contents', 'positions/': 'positions', 'sheets/': 'positions', glossary: 'glossary', timeline: 'timeline', about: 'about' };
  return (target) => {
    const [path = '', hash] = target.split('#');
    if (path === '' && hash) return `#${hash}`;
    const prefix = `/${lang}/`;
    if (!path.startsWith(prefix)) return live(target);
    const rest = path.slice(prefix.length);
    const id = /^(?:positions|sheets)\/([a-z0-9-]+)$/.exec(rest)?.[1];
    if (id && (model.positionById.has(id) || model.outcomeById.has(id))) return hash === 'now' ? `#${id}-now` : `#sheet-${id}`;
    const outcome = rest.startsWith('check/') ? model.outcomeByPath.get(rest.slice('check/'.length)) : undefined;
    if (outcome) return `#sheet-${outcome.id}`;
    if (rest.startsWith('check/')) return '#check';
    // a source: where the first statement that cites it lists it (the file has no list of all sources), else the source itself
    if (rest === 'sources') {
      const source = model.sourceById.get(hash?.replace(/^source-/, '') ?? '');
      const citing = source && model.sourceUsedBy.get(source.id)?.[0];
      return citing ? `#source-${citing.id}-${source.id}` : source ? source.url : live(target);
    }
    // the directory: each organisation keeps its anchor in the file's help section
    if (rest === 'help' || rest.startsWith('help/')) return hash?.startsWith('help-') ? `#${hash}` : '#help';
    const section = sections[rest];
    if (section === undefined) return live(target);
    // the glossary's terms and the home page's sections keep their anchors; the full caveat is the file's caveat
    if (hash && (rest === '' || rest === 'glossary')) return `#${hash}`;
    if (hash === 'caveat-full') return '#caveat';
    return `#${section}`;
  };
}

/** The situations of the finder as lists of links, grouped by the first answer (where the reader is). */
function situationGroups(site: Site, lang: string) {
  const t = site.t[lang]!;
  const groups = new Map<string, { label: string; situations: { id: string; label: string }[] }>();
  for (const o of site.model.outcomes) {
    const [first, ...rest] = o.asked;
    if (!first) continue;
    const group = groups.get(first.answer) ?? { label: t(`finder:${first.question.id}.options.${first.answer}.label`), situations: [] };
    group.situations.push({ id: o.id, label: rest.length > 0 ? answersLabel(site, lang, rest) : group.label });
    groups.set(first.answer, group);
  }
  return [...groups.values()];
}

/** The anchor of one answer's full text in the file. */
const answerAnchor = (question: string, option: string) => `answer-${question}-${option}`;

/**
 * Every situation as its outcome page says it (the same data): "in short" and the statements and
 * later developments that concern it, linked to their sheets further down; each answer's full text
 * is in the file once and linked from every situation that gave it.
 */
function situations(site: Site, lang: string) {
  const t = site.t[lang]!;
  const answers = new Map<string, { anchor: string; headingKey: string; textKey: string; label: string }>();
  const list = site.model.outcomes.map((o) => {
    const data = outcomeData(site, lang, o);
    const given = data.situation.map(({ id, answer, headingKey, textKey }) => {
      const anchor = answerAnchor(id, answer);
      const label = t(`finder:${id}.options.${answer}.label`);
      if (!answers.has(anchor)) answers.set(anchor, { anchor, headingKey, textKey, label });
      return { anchor, label };
    });
    return { id: o.id, title: answersLabel(site, lang, o.asked), given, inShort: data.inShort, statements: data.statements, afterwards: data.afterwards };
  });
  return { list, answers: [...answers.values()] };
}

/** The sha256 of an inline stylesheet, as a Content-Security-Policy source ('sha256-…'). */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
}

/** Lines without their indentation: the file is sent and stored as it is, and every byte counts on a slow connection. */
const unindented = (text: string) => text.replace(/\n[ \t]+/g, '\n');

/**
 * The stylesheet the file carries inside it (as it stands in the file, so that its hash matches).
 * It is our own file, written into a <style> element as it is: one that could end that element is refused.
 */
export function offlineCss(site: Site): string {
  const css = unindented(site.assets.get('site.css')?.body.toString('utf8') ?? '');
  if (/<\/style/i.test(css)) throw new Error('views/assets/site.css contains "</style", which would end the offline edition\'s <style> element');
  return css;
}

const sizes = new WeakMap<Site, Map<string, number>>();

/** The size in bytes of a language's offline edition, as sent (made once per site and language; named in every page's footer). */
export function offlineSize(site: Site, lang: string): number {
  let known = sizes.get(site);
  if (!known) sizes.set(site, (known = new Map()));
  let size = known.get(lang);
  if (size === undefined) known.set(lang, (size = Buffer.byteLength(offlineEdition(site, lang).html)));
  return size;
}

export function offlineEdition(site: Site, lang: string): OfflineEdition {
  const t = site.t[lang]!;
  const edition = editionDate(site);
  const path = urls.offline(lang);
  const html = renderPage(
    site,
    {
      view: 'offline',
      lang,
      path,
      title: t('ui:offline.title'),
      // the file lies in downloads and chats: its tab names only the neutral site title
      tabTitle: '',
      description: t('ui:offline.description'),
      data: {
        css: offlineCss(site),
        edition,
        liveUrl: `${site.config.baseUrl}${urls.home(lang)}`,
        offlineUrl: `${site.config.baseUrl}${path}`,
        home: homePage(site, lang).data,
        groups: situationGroups(site, lang),
        situations: situations(site, lang),
        positionSheets: site.content.positions.map((p) => sheetView(site, lang, p.id, 'offline')),
        timeline: timelinePage(site, lang).data,
        glossary: glossaryPage(site, lang).data,
      },
    },
    inFileLinks(site, lang),
  );
  return { html: unindented(html), fileName: offlineFileName(lang, edition) };
}
