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
 * The pages whose text depends most on the public address (BASE_URL), built before the server
 * listens: each language's sheet with the longest address (its printed address and QR code are the
 * largest the site makes). A value that cannot make them fails the start, not a reader's request.
 */
export function buildAddressPages(site: Site, cache: PageCache): string[] {
  const longest = new Map<string, string>();
  for (const path of pageTable(site).keys()) {
    const m = /^\/([^/]+)\/sheets\/./.exec(path);
    if (m && path.length > (longest.get(m[1]!)?.length ?? 0)) longest.set(m[1]!, path);
  }
  const paths = [...longest.values(), ...site.content.langCodes.map((l) => `/${l}/sheets/`).filter((p) => pageTable(site).has(p))];
  for (const path of paths) cache.get(path);
  return paths;
}
