import type { Page } from '../page.js';
import type { Site } from '../site.js';
import { aboutPage, homePage, positionPage, positionsPage, sourcesPage } from './content.js';
import { checkPages } from './check.js';
import { glossaryPage } from './glossary.js';
import { helpPages } from './help.js';
import { timelinePage, updatesPage } from './timeline.js';
import { sheetPages } from './sheets.js';
import { urls } from '../urls.js';

export type PageBuilder = () => Page;

/** A page of the table: its address, known without building it, and how to build it. */
export interface PageEntry {
  path: string;
  build: PageBuilder;
}

const tables = new WeakMap<Site, Map<string, PageBuilder>>();

/**
 * Every HTML page of the site: address → how to build it. The server, the sitemap and the
 * static export all read this one table, so they can never disagree.
 */
export function pageTable(site: Site): Map<string, PageBuilder> {
  const known = tables.get(site);
  if (known) return known;
  const table = new Map<string, PageBuilder>();
  // A page is built only when it is asked for (the server keeps the rendered page, not the page data),
  // so a start does not wait for 500 pages and their QR codes; test/site/seo.test.ts checks that each
  // builder makes the page of its address.
  const add = ({ path, build }: PageEntry) => table.set(path, build);
  for (const lang of site.content.langCodes) {
    add({ path: urls.home(lang), build: () => homePage(site, lang) });
    add({ path: urls.positions(lang), build: () => positionsPage(site, lang) });
    for (const p of site.content.positions) add({ path: urls.position(lang, p.id), build: () => positionPage(site, lang, p.id)! });
    add({ path: urls.sources(lang), build: () => sourcesPage(site, lang) });
    add({ path: urls.about(lang), build: () => aboutPage(site, lang) });
    for (const entry of helpPages(site, lang)) add(entry);
    add({ path: urls.glossary(lang), build: () => glossaryPage(site, lang) });
    add({ path: urls.timeline(lang), build: () => timelinePage(site, lang) });
    add({ path: urls.updates(lang), build: () => updatesPage(site, lang) });
    for (const entry of checkPages(site, lang)) add(entry);
    for (const entry of sheetPages(site, lang)) add(entry);
  }
  tables.set(site, table);
  return table;
}
