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
