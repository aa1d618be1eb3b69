import type { Site } from '../site.js';
import { pageTable } from './index.js';

/** The number of single-letter edits between two words (Levenshtein distance). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

const lastSegment = (path: string) => path.split('/').filter(Boolean).pop() ?? '';

/**
 * Up to three pages of the reader's language whose last address segment is close to the one asked
 * for (a typo, a word left out, a cut-off link), closest first; none when nothing is close.
 */
export function suggestions(site: Site, lang: string, path: string): string[] {
  const wanted = lastSegment(path.toLowerCase());
  if (wanted.length < 3 || wanted.length > 120) return [];
  const table = pageTable(site);
  const limit = Math.max(2, Math.floor(wanted.length * 0.34));
  // a sheet is suggested for a sheet's address; otherwise the page (a sheet has the same name as its page)
  const wantSheets = /^\/[^/]+\/sheets\//.test(path);
  return [...table.keys()]
    .filter((p) => p.startsWith(`/${lang}/`) && lastSegment(p).length > 0 && p.startsWith(`/${lang}/sheets/`) === wantSheets)
    .map((p) => {
      const seg = lastSegment(p);
      const d = distance(wanted, seg);
      const contained = wanted.length >= 5 && (seg.includes(wanted) || wanted.includes(seg));
      return { p, score: contained ? Math.min(d, limit) - 0.5 : d };
    })
    .filter((c) => c.score <= limit)
    .sort((a, b) => a.score - b.score || a.p.localeCompare(b.p))
    .slice(0, 3)
    .map(({ p }) => p);
}

/** The suggested pages as links with their titles (the pages are built for this: only when a 404 page is made). */
export function suggestionLinks(site: Site, paths: string[]): { url: string; title: string }[] {
  const table = pageTable(site);
  return paths.map((url) => ({ url, title: table.get(url)!().title }));
}
