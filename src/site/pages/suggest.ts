import type { Site } from '../site.js';
import { pageTable } from './index.js';

/** The number of single-letter edits between two words (Levenshtein distance); anything over `limit` as limit + 1 (it stops early). */
function distance(a: string, b: string, limit = Infinity): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(d);
      if (d < best) best = d;
    }
    // every later row is at least this row's smallest value
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

const lastSegment = (path: string) => path.split('/').filter(Boolean).pop() ?? '';

/** How far a word may be from a page's segment: a third of its length, at least 2. */
const allowed = (word: string) => Math.max(2, Math.floor(word.length * 0.34));

/** The pages' last segments per language and kind (sheet or not), with what bounds a search among them. */
interface Candidates {
  pages: { path: string; segment: string }[];
  /** Every character of any segment: a character outside it costs one edit against each of them. */
  alphabet: Set<string>;
  longest: number;
}

const candidatesOf = new WeakMap<Site, Map<string, Candidates>>();
function candidates(site: Site, lang: string, sheets: boolean): Candidates {
  let byKind = candidatesOf.get(site);
  if (!byKind) candidatesOf.set(site, (byKind = new Map()));
  const key = `${lang} ${sheets}`;
  let c = byKind.get(key);
  if (!c) {
    const pages = [...pageTable(site).keys()]
      .filter((p) => p.startsWith(`/${lang}/`) && lastSegment(p).length > 0 && p.startsWith(`/${lang}/sheets/`) === sheets)
      .map((path) => ({ path, segment: lastSegment(path) }));
    c = { pages, alphabet: new Set(pages.flatMap((p) => [...p.segment])), longest: Math.max(0, ...pages.map((p) => p.segment.length)) };
    byKind.set(key, c);
  }
  return c;
}

/** Answers already worked out, per language, kind and segment: the most recent kept. */
const KEPT = 512;
const answered = new WeakMap<Site, Map<string, string[]>>();

/**
 * Up to three pages of the reader's language whose last address segment is close to the one asked
 * for (a typo, a word left out, a cut-off link), closest first; none when nothing is close.
 *
 * A 404 must cost about what a page costs, also for a stranger's long or non-Latin addresses: only a
 * segment of a plausible length is compared (from 3 characters to the longest page segment and a
 * few more), a page is only measured when the length difference and the characters no page segment
 * has leave it within reach, and answers are kept in a bounded cache per language and segment.
 */
export function suggestions(site: Site, lang: string, path: string): string[] {
  const wanted = lastSegment(path.toLowerCase());
  const wantSheets = /^\/[^/]+\/sheets\//.test(path);
  const c = candidates(site, lang, wantSheets);
  if (wanted.length < 3 || wanted.length > c.longest + allowed(wanted) + 40) return [];
  let cache = answered.get(site);
  if (!cache) answered.set(site, (cache = new Map()));
  const key = `${lang} ${wantSheets ? 's' : 'p'} ${wanted}`;
  const known = cache.get(key);
  if (known) return known;
  const limit = allowed(wanted);
  let foreign = 0;
  for (const ch of wanted) if (!c.alphabet.has(ch)) foreign++;
  const found: { p: string; score: number }[] = [];
  for (const { path: p, segment: seg } of c.pages) {
    const contained = wanted.length >= 5 && (seg.includes(wanted) || wanted.includes(seg));
    // distance >= the length difference, and >= the characters no segment has
    if (!contained && (Math.abs(seg.length - wanted.length) > limit || foreign > limit)) continue;
    const d = distance(wanted, seg, contained ? Infinity : limit);
    const score = contained ? Math.min(d, limit) - 0.5 : d;
    if (score <= limit) found.push({ p, score });
  }
  const list = found
    .sort((a, b) => a.score - b.score || a.p.localeCompare(b.p))
    .slice(0, 3)
    .map(({ p }) => p);
  if (cache.size >= KEPT) cache.delete(cache.keys().next().value as string);
  cache.set(key, list);
  return list;
}

/** The suggested pages as links with their titles (the pages are built for this: only when a 404 page is made). */
export function suggestionLinks(site: Site, paths: string[]): { url: string; title: string }[] {
  const table = pageTable(site);
  return paths.map((url) => ({ url, title: table.get(url)!().title }));
}
