import type { RequestHandler } from 'express';
import { questionPath, resolveAnswers } from '../site/model.js';
import { checkSubmission } from '../site/pages/check.js';
import { renderPage } from '../site/page.js';
import type { Site } from '../site/site.js';
import { PRIVATE_ADDRESS, urls } from '../site/urls.js';
import { HttpError } from './errors.js';
import type { PageCache } from './pageCache.js';
import { rendered, sendHtml, type Rendered } from './send.js';

const MAX_PATH = 512;

/** An address as chat apps and hand-typing leave it, made plain: one slash at a time, lower case, no punctuation at the end. */
export function forgive(path: string): string {
  return path
    .replace(/\/{2,}/g, '/')
    .replace(/[.,;:!?)\]}>'"»”’]+$/u, '')
    .toLowerCase();
}

/** Serves every page of the page table (from the cache); also redirects old and near-miss addresses. */
export function pages(site: Site, table: PageCache): RequestHandler {
  const get = (path: string) => table.get(path);
  // The finder's "choose an answer" pages (400): the same for everyone, so made once per question and language.
  const errorCache = new Map<string, Rendered>();
  const langs = new Set(site.content.langCodes);
  /** The page a near-miss address means: a slash too many or too few, an old id, a sheet that needs another answer. */
  const canonical = (path: string): string | undefined => {
    if (table.has(path)) return path;
    const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
    if (table.has(toggled)) return toggled;
    const m = /^\/([a-z]+)\/positions\/([^/]+)\/?$/.exec(path);
    const current = m && langs.has(m[1] ?? '') && site.model.positionAlias.get(m[2] ?? '');
    if (m && current) return urls.position(m[1] ?? '', current);
    // the sheet of a situation that now needs another answer (a question was added): that question
    const sheet = /^\/([a-z]+)\/sheets\/([a-z0-9-]+)$/.exec(path);
    if (sheet && site.content.langCodes.includes(sheet[1] ?? '')) {
      const resolved = resolveAnswers(site.content.questions, (sheet[2] ?? '').split('--'));
      if (resolved && questionPath(site.content.questions, resolved.answers).next) return urls.checkQuestion(sheet[1]!, resolved.answers);
    }
    // the offline edition without ".html", or with a slash after it: its one address
    const offline = /^\/([a-z]+)\/offline(?:\.html?)?\/?$/.exec(path);
    if (offline && langs.has(offline[1] ?? '')) return urls.offline(offline[1]!);
    const finder = checkSubmission(site, path, {});
    if (finder && 'redirect' in finder) return finder.redirect;
    return undefined;
  };
  const redirectTarget = (path: string): string | undefined => {
    const exact = canonical(path);
    if (exact !== undefined && exact !== path) return exact;
    // links pasted from chats: capitals, a doubled slash, punctuation stuck to the end
    const forgiven = forgive(path);
    return forgiven === path ? undefined : canonical(forgiven);
  };
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.originalUrl.length > MAX_PATH) return next(new HttpError(414));
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next(new HttpError(400));
    }
    // the common case: a known page asked for without a query string
    const known = req.url.includes('?') ? undefined : get(path);
    if (known) {
      res.locals.route = 'page';
      return sendHtml(req, res, known);
    }
    const submitted = checkSubmission(site, path, req.query);
    if (submitted && 'redirect' in submitted) {
      res.locals.route = submitted.status === 301 ? 'redirect' : 'check-answer';
      if (PRIVATE_ADDRESS.test(submitted.redirect)) res.setHeader('Cache-Control', 'private, no-store');
      return res.redirect(submitted.status ?? 303, submitted.redirect);
    }
    if (submitted && 'page' in submitted) {
      res.locals.route = 'check-error';
      const { page } = submitted;
      let out = errorCache.get(page.path);
      if (!out) {
        out = rendered(renderPage(site, page), page.lang);
        errorCache.set(page.path, out);
      }
      return sendHtml(req, res, out, page.status ?? 400);
    }
    const page = get(path);
    if (page) {
      res.locals.route = 'page';
      return sendHtml(req, res, page);
    }
    const target = redirectTarget(path);
    if (target) {
      res.locals.route = 'redirect';
      // a redirect to a reader's answers is kept by no shared cache either (a 301 may be kept by default)
      if (PRIVATE_ADDRESS.test(target)) res.setHeader('Cache-Control', 'private, no-store');
      return res.redirect(301, target);
    }
    next();
  };
}
