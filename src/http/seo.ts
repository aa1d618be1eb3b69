import type { RequestHandler } from 'express';
import { pageTable, type PageBuilder } from '../site/pages/index.js';
import { alternates } from '../site/page.js';
import type { Site } from '../site/site.js';
import { rendered } from './send.js';
import { sendDocument } from './sendDocument.js';
import { atomFeed, xmlText } from '../site/feed.js';
import { urls } from '../site/urls.js';

const xml = xmlText;

/** One page of the sitemap: its address and the same page in every language (plus x-default). */
export interface SitemapEntry {
  url: string;
  alternates: { hreflang: string; url: string }[];
}

/**
 * Every HTML page of every language: the page table (error pages, the only ones marked noindex, are
 * not in it). Each page names its versions in the other languages, as its <head> does. The pages are
 * not built for this: the address says all the sitemap needs.
 */
export function sitemapEntries(site: Site, table: Map<string, PageBuilder> = pageTable(site)): SitemapEntry[] {
  return [...table.keys()].map((path) => ({
    url: `${site.config.baseUrl}${path}`,
    alternates: alternates(site, { lang: path.split('/')[1] ?? site.content.sourceLang, path }),
  }));
}

export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries.map((e) =>
    [
      '  <url>',
      `    <loc>${xml(e.url)}</loc>`,
      ...e.alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${xml(a.hreflang)}" href="${xml(a.url)}"/>`),
      '  </url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

export function robotsTxt(site: Site): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${site.config.baseUrl}/sitemap.xml`, ''].join('\n');
}

/** The documents that are not pages: /sitemap.xml, /robots.txt, each language's feed of changes and offline edition. */
export function documentPaths(site: Site): string[] {
  return ['/sitemap.xml', '/robots.txt', ...site.content.langCodes.flatMap((lang) => [urls.feed(lang), urls.offline(lang)])];
}

/** /sitemap.xml, /robots.txt and /{lang}/updates.xml, built once at start. */
export function seo(site: Site): RequestHandler {
  const documents = new Map([
    ['/sitemap.xml', { doc: rendered(sitemapXml(sitemapEntries(site)), ''), type: 'application/xml; charset=utf-8' }],
    ['/robots.txt', { doc: rendered(robotsTxt(site), ''), type: 'text/plain; charset=utf-8' }],
    ...site.content.langCodes.map((lang) => [urls.feed(lang), { doc: rendered(atomFeed(site, lang), lang), type: 'application/atom+xml; charset=utf-8' }] as const),
  ]);
  return (req, res, next) => {
    const found = documents.get(req.path);
    if (!found || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.locals.route = 'seo';
    sendDocument(req, res, found.doc, found.type);
  };
}
