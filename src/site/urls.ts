import { posix } from 'node:path';

/** Every address of the site, in one place. Paths are the same in every language. */
export const urls = {
  home: (lang: string) => `/${lang}/`,
  positions: (lang: string) => `/${lang}/positions/`,
  position: (lang: string, id: string) => `/${lang}/positions/${id}`,
  sources: (lang: string) => `/${lang}/sources`,
  about: (lang: string) => `/${lang}/about`,
  /** Organisations that help in Russian; by place: the finder's place answers. */
  help: (lang: string) => `/${lang}/help`,
  helpPlace: (lang: string, place: string) => `/${lang}/help/${place}`,
  /** One organisation in the directory. */
  helpOrg: (lang: string, id: string) => `/${lang}/help#help-${id}`,
  /** Who publishes this copy of the site. */
  imprint: (lang: string) => `/${lang}/imprint`,
  /** A finder question: the answers so far, each followed by a slash. */
  checkQuestion: (lang: string, answers: string[] = []) => `/${lang}/check/${answers.map((a) => `${a}/`).join('')}`,
  /** A finder outcome: every answer, no trailing slash. */
  checkOutcome: (lang: string, answers: string[]) => `/${lang}/check/${answers.join('/')}`,
  sheets: (lang: string) => `/${lang}/sheets/`,
  sheet: (lang: string, id: string) => `/${lang}/sheets/${id}`,
  glossary: (lang: string) => `/${lang}/glossary`,
  timeline: (lang: string) => `/${lang}/timeline`,
  updates: (lang: string) => `/${lang}/updates`,
  /** The Atom feed of changes. */
  feed: (lang: string) => `/${lang}/updates.xml`,
  /** One term's explanation on the glossary page. */
  term: (lang: string, id: string) => `/${lang}/glossary#term-${id}`,
  notFound: (lang: string) => `/${lang}/404`,
  /** The whole guide of a language in one self-contained file (src/site/offline.ts). */
  offline: (lang: string) => `/${lang}/offline.html`,
};

/**
 * The addresses of pages that show a reader's answers (a finder question after an answer, an
 * outcome, a situation's sheet): sent "private, no-store", and so are redirects to them. The nginx
 * mirror kit uses the same pattern (src/deploy/nginx.ts); test/site/privacy-titles.test.ts checks it
 * against every page's own flag.
 */
export const PRIVATE_ADDRESS = /^\/[a-z]{2,3}(-[a-z0-9]{2,8})?\/(check\/.|sheets\/[^/]*--)/i;

/** The file a page is written to in a static export: every page becomes a folder's index.html. */
export function exportFile(urlPath: string): string {
  const [path = ''] = urlPath.split('#');
  if (/\.[a-z0-9]+$/i.test(path)) return path.replace(/^\//, '');
  const folder = path.replace(/^\/+|\/+$/g, '');
  return folder ? `${folder}/index.html` : 'index.html';
}

/**
 * How pages link to each other: root-absolute on the server, relative in a static export, or, in a
 * document that holds many pages (the offline edition), a function that says where each address leads.
 */
export type LinkMode = 'absolute' | 'relative' | ((target: string) => string);

export function linkFrom(mode: LinkMode, fromPath: string, target: string): string {
  if (/^[a-z]+:/i.test(target)) return target;
  if (typeof mode === 'function') return mode(target);
  if (mode === 'absolute') return target;
  const [path = '', hash] = target.split('#');
  const rel = posix.relative(posix.dirname(`/${exportFile(fromPath)}`), `/${exportFile(path)}`) || 'index.html';
  return hash === undefined ? rel : `${rel}#${hash}`;
}
