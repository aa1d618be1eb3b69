import { offlineDocuments } from '../http/offline.js';
import { pageTable } from '../site/pages/index.js';
import type { Site } from '../site/site.js';
import type { MirrorSite } from './nginx.js';

/** What the nginx mirror kit needs to know of a site (src/deploy/nginx.ts): read from the site itself, nothing built. */
export function mirrorSite(site: Site): MirrorSite {
  return {
    langs: site.content.langCodes,
    documents: offlineDocuments(site),
    pages: [...pageTable(site).keys()],
    favicon: site.assets.get('favicon.svg')?.href,
  };
}
