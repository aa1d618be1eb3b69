import type { ErrorRequestHandler, RequestHandler } from 'express';
import { errorPage, type ErrorStatus } from '../site/pages/content.js';
import { renderPage } from '../site/page.js';
import type { Site } from '../site/site.js';
import { suggestionLinks, suggestions } from '../site/pages/suggest.js';
import { bestLanguage } from './language.js';
import { securityHeaders } from './security.js';
import { rendered, sendHtml, type Rendered } from './send.js';

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** Error pages in every language, rendered once. A reader never sees a stack trace. */
export function errorPages(site: Site) {
  const cache = new Map<string, Rendered>();
  return (lang: string, status: ErrorStatus): Rendered => {
    const key = `${lang} ${status}`;
    let out = cache.get(key);
    if (!out) {
      const page = errorPage(site, lang, status);
      out = rendered(renderPage(site, page), lang);
      cache.set(key, out);
    }
    return out;
  };
}

/** 404 pages that suggest pages with a similar address: made once per language and set of suggestions, the most recent kept. */
const SUGGESTED_KEPT = 256;

export function notFound(site: Site, pagesFor: ReturnType<typeof errorPages>): RequestHandler {
  const suggested = new Map<string, Rendered>();
  const withSuggestions = (lang: string, path: string): Rendered => {
    let wanted: string;
    try {
      wanted = decodeURIComponent(path);
    } catch {
      wanted = path;
    }
    const list = suggestions(site, lang, wanted);
    if (list.length === 0) return pagesFor(lang, 404);
    const key = `${lang} ${list.join(' ')}`;
    let out = suggested.get(key);
    if (!out) {
      const page = errorPage(site, lang, 404);
      out = rendered(renderPage(site, { ...page, data: { ...page.data, suggestions: suggestionLinks(site, list) } }), lang);
      if (suggested.size >= SUGGESTED_KEPT) suggested.delete(suggested.keys().next().value as string);
      suggested.set(key, out);
    }
    return out;
  };
  return (req, res) => {
    res.locals.route = 'not-found';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendHtml(req, res, pagesFor(bestLanguage(site, req), 400), 405);
    }
    sendHtml(req, res, withSuggestions(bestLanguage(site, req), req.path), 404);
  };
}

export function errorHandler(site: Site, pagesFor: ReturnType<typeof errorPages>, log: (e: unknown) => void): ErrorRequestHandler {
  // an error can come from a handler before the security middleware (src/http/knownPages.ts): its answer gets them here
  const headers = new Map(securityHeaders(site.config));
  return (err: unknown, req, res, _next) => {
    const raw = typeof err === 'object' && err !== null ? Number((err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode) : NaN;
    const status = raw >= 400 && raw < 500 ? raw : 500;
    // our own HttpError(500) stands for a failure logged once already (src/http/pageCache.ts)
    if (status === 500 && !(err instanceof HttpError)) log(err);
    res.locals.route = 'error';
    if (res.headersSent) return res.end();
    res.setHeaders(headers);
    let lang = site.content.sourceLang;
    try {
      lang = bestLanguage(site, req);
    } catch {
      /* keep the source language */
    }
    sendHtml(req, res, pagesFor(lang, status === 404 ? 404 : status === 500 ? 500 : 400), status);
  };
}
