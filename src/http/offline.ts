import type { RequestHandler } from 'express';
import { editionDate, offlineCss, offlineEdition, offlineFileName, styleHash } from '../site/offline.js';
import type { Site } from '../site/site.js';
import { urls } from '../site/urls.js';
import { securityHeaders } from './security.js';
import { rendered, type Rendered } from './send.js';
import { sendDocument } from './sendDocument.js';

/**
 * The headers that make the offline edition a download under its own name, and let a browser that
 * shows it in place apply the stylesheet it carries (allowed by its hash, nothing else).
 */
export function offlineHeaders(site: Site, fileName: string): [string, string][] {
  const csp = securityHeaders(site.config, [styleHash(offlineCss(site))]).find(([name]) => name === 'Content-Security-Policy');
  return [['Content-Disposition', `attachment; filename="${fileName}"`], ...(csp ? [csp] : [])];
}

/** Each language's offline edition with the headers it is sent with: for the nginx mirror kit. */
export function offlineDocuments(site: Site): { path: string; headers: [string, string][] }[] {
  return site.content.langCodes.map((lang) => ({ path: urls.offline(lang), headers: offlineHeaders(site, offlineFileName(lang, editionDate(site))) }));
}

/** /{lang}/offline.html: each language's offline edition, built on first request and kept. */
export function offline(site: Site): RequestHandler {
  const paths = new Map(site.content.langCodes.map((lang) => [urls.offline(lang), lang]));
  const built = new Map<string, { doc: Rendered; headers: [string, string][] }>();
  return (req, res, next) => {
    const lang = paths.get(req.path);
    if (!lang || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let edition = built.get(lang);
    if (!edition) {
      const { html, fileName } = offlineEdition(site, lang);
      edition = { doc: rendered(html, lang), headers: offlineHeaders(site, fileName) };
      built.set(lang, edition);
    }
    res.locals.route = 'offline';
    for (const [name, value] of edition.headers) res.setHeader(name, value);
    sendDocument(req, res, edition.doc, 'text/html; charset=utf-8');
  };
}
