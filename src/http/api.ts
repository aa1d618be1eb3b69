import type { RequestHandler, Response } from 'express';
import { apiUrls, buildApi } from '../api/build.js';
import type { ApiError } from '../api/schemas.js';
import { resolveAnswers } from '../site/model.js';
import type { Site } from '../site/site.js';
import { rendered, type Rendered } from './send.js';
import { sendDocument } from './sendDocument.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const METHODS = 'GET, HEAD, OPTIONS';
const MAX_URL = 512;

function fail(res: Response, status: number, message: string): void {
  const body: ApiError = { error: { status, message } };
  res.status(status).setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Cache-Control', 'no-store');
  res.send(JSON.stringify(body));
}

/** The part of the address after the path ("?lang=ru"), kept when redirecting. */
function search(originalUrl: string): string {
  const at = originalUrl.indexOf('?');
  return at < 0 ? '' : originalUrl.slice(at);
}

/**
 * The read-only JSON API under /api/v1/: every response is built and checked once at start
 * (src/api/build.ts), then served with CORS for everyone. A reader's mistake is a 4xx in JSON:
 * unknown address or language 404, a repeated ?lang= 400, another method 405. Old position ids and
 * old finder answers redirect (301) to their current address, as the pages do.
 */
export function api(site: Site): RequestHandler {
  const { content, model, config } = site;
  const documents = new Map<string, { localized: boolean; bodies: Map<string, Rendered> }>();
  for (const [path, r] of buildApi(site)) {
    const bodies = new Map([...r.bodies].map(([lang, body]) => [lang, rendered(JSON.stringify(body), r.localized ? lang : '')]));
    documents.set(path, { localized: r.localized, bodies });
  }
  const languages = content.langCodes.join(', ');

  const redirectTarget = (path: string): string | undefined => {
    if (path === '/api' || path === '/api/' || path === '/api/v1') return apiUrls.root;
    const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
    if (documents.has(toggled)) return toggled;
    const rest = path.replace(/\/$/, '');
    const position = /^\/api\/v1\/positions\/([^/]+)$/.exec(rest);
    const current = position && model.positionAlias.get(position[1] ?? '');
    if (current) return apiUrls.position(current);
    const outcome = /^\/api\/v1\/outcomes\/(.+)$/.exec(rest);
    if (outcome) {
      const resolved = resolveAnswers(content.questions, (outcome[1] ?? '').split('/'));
      const target = resolved && apiUrls.outcome(resolved.answers.join('/'));
      if (target && documents.has(target) && target !== rest) return target;
    }
    return undefined;
  };

  return (req, res, next) => {
    if (req.path !== '/api' && !req.path.startsWith('/api/')) return next();
    res.locals.route = 'api';
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.originalUrl.length > MAX_URL) return fail(res, 414, `The address is longer than ${MAX_URL} characters.`);
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', METHODS);
      res.setHeader('Access-Control-Allow-Methods', METHODS);
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', METHODS);
      return fail(res, 405, 'This API is read-only: use GET.');
    }
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return fail(res, 400, 'The address is not valid URL encoding.');
    }
    const doc = documents.get(path);
    if (!doc) {
      const target = redirectTarget(path);
      if (target) return res.redirect(301, `${target}${search(req.originalUrl)}`);
      return fail(res, 404, `There is nothing at this address. The API starts at ${config.baseUrl}${apiUrls.root}`);
    }
    let lang = content.sourceLang;
    if (doc.localized && req.query.lang !== undefined) {
      const asked = req.query.lang;
      if (typeof asked !== 'string') return fail(res, 400, 'Give the parameter "lang" once.');
      if (!content.langCodes.includes(asked)) return fail(res, 404, `There is no such language. Use one of: ${languages}.`);
      lang = asked;
    }
    const body = doc.bodies.get(lang) ?? doc.bodies.get(content.sourceLang);
    if (!body) return fail(res, 404, 'There is nothing at this address.');
    sendDocument(req, res, body, JSON_TYPE);
  };
}
