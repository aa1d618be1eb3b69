import { errorPage } from '../site/pages/content.js';
import { homePage } from '../site/pages/content.js';
import { pageTable } from '../site/pages/index.js';
import { renderPage, type Page } from '../site/page.js';
import type { Site } from '../site/site.js';
import { exportFile } from '../site/urls.js';

/** One file of the export: its path inside the output folder and its bytes. */
export interface ExportedFile {
  file: string;
  body: string | Buffer;
}

/** Renders a page with relative links, written to the file that its relative links were computed for. */
function html(site: Site, page: Page): ExportedFile {
  return { file: exportFile(page.path), body: renderPage(site, page, 'relative') };
}

/**
 * Every HTML page of the page table, with the same builders and views as the server; then the
 * pages that exist only in an export: the language chooser at the root and the 404 pages that
 * static hosts show for a missing file (at the root in the source language, and in each language's folder).
 */
export function htmlFiles(site: Site): ExportedFile[] {
  const { sourceLang, langCodes } = site.content;
  const files = [...pageTable(site).values()].map((build) => html(site, build()));
  files.push(html(site, { ...homePage(site, sourceLang), path: '/' }));
  files.push(html(site, { ...errorPage(site, sourceLang, 404), path: '/404.html' }));
  for (const lang of langCodes) files.push(html(site, { ...errorPage(site, lang, 404), path: `/${lang}/404.html` }));
  return files;
}

/** The static files (stylesheet, ...) under their hashed names, exactly as the server sends them. */
export function assetFiles(site: Site): ExportedFile[] {
  return [...site.assets.values()].map((a) => ({ file: exportFile(a.href), body: a.body }));
}
