import { pageTable } from '../site/pages/index.js';
import { renderPage } from '../site/page.js';
import type { Site } from '../site/site.js';
import { HttpError } from './errors.js';
import { rendered, type Rendered } from './send.js';

/** Every page of the page table by its address, rendered on first request and kept. */
export interface PageCache {
  has(path: string): boolean;
  get(path: string): Rendered | undefined;
}

export function pageCache(site: Site): PageCache {
  const table = pageTable(site);
  const kept = new Map<string, Rendered>();
  // pages that failed to build: the error is thrown (and logged) once, afterwards a plain 500 without building again
  const failed = new Set<string>();
  return {
    has: (path) => table.has(path),
    get: (path) => {
      const hit = kept.get(path);
      if (hit) return hit;
      const build = table.get(path);
      if (!build) return undefined;
      if (failed.has(path)) throw new HttpError(500);
      try {
        const page = build();
        const out = rendered(renderPage(site, page), page.lang, page.private === true);
        kept.set(path, out);
        return out;
      } catch (e) {
        failed.add(path);
        throw e;
      }
    },
  };
}

/**
 * The page whose text depends most on the public address (BASE_URL), built before the server
 * listens: the sheet with the longest address (its printed address and QR code are the largest the
 * site makes; every language has the same addresses, and BASE_URL holds only plain-address
 * characters, so one language's is enough). A value that cannot make it fails the start, not a
 * reader's request; test/site/settings.test.ts builds every page with the longest accepted value.
 */
export function buildAddressPages(site: Site, cache: PageCache): string[] {
  const prefix = `/${site.content.sourceLang}/sheets/`;
  const longest = [...pageTable(site).keys()].filter((p) => p.startsWith(prefix) && p.length > prefix.length).sort((a, b) => b.length - a.length)[0];
  const paths = longest ? [longest] : [];
  for (const path of paths) cache.get(path);
  return paths;
}
