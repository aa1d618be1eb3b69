import type { Page } from '../page.js';
import type { Site } from '../site.js';
import { aboutPage, homePage, positionPage, positionsPage, sourcesPage } from './content.js';
import { checkPages } from './check.js';
import { glossaryPage } from './glossary.js';
import { timelinePage, updatesPage } from './timeline.js';
import { sheetPages } from './sheets.js';

export type PageBuilder = () => Page;

const tables = new WeakMap<Site, Map<string, PageBuilder>>();

/**
 * Every HTML page of the site: address → how to build it. The server, the sitemap and the
 * static export all read this one table, so they can never disagree.
 */
export function pageTable(site: Site): Map<string, PageBuilder> {
  const known = tables.get(site);
  if (known) return known;
  const table = new Map<string, PageBuilder>();
  const add = (build: PageBuilder) => table.set(build().path, build);
  for (const lang of site.content.langCodes) {
    add(() => homePage(site, lang));
    add(() => positionsPage(site, lang));
    for (const p of site.content.positions) add(() => positionPage(site, lang, p.id)!);
    add(() => sourcesPage(site, lang));
    add(() => aboutPage(site, lang));
    add(() => glossaryPage(site, lang));
    add(() => timelinePage(site, lang));
    add(() => updatesPage(site, lang));
    for (const build of checkPages(site, lang)) add(build);
    for (const build of sheetPages(site, lang)) add(build);
  }
  tables.set(site, table);
  return table;
}
