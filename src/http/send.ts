import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/**
 * A response body made once and kept only in its gzip form (a tenth of the text's size, so every
 * page of every language can stay in memory), with its validator.
 */
export interface Rendered {
  gzip: Buffer;
  etag: string;
  lang: string;
  /** A page that shows a reader's answers: sent "private, no-store", so no shared proxy or disk cache keeps it. */
  private?: boolean;
}

export function rendered(body: string, lang: string, isPrivate = false): Rendered {
  return { gzip: gzipSync(body, { level: 9 }), lang, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`, private: isPrivate };
}

/**
 * Whether a request accepts gzip, as Express's negotiation says; browsers send a handful of
 * distinct Accept-Encoding values, so the answer is remembered per value (a bounded memo).
 */
const gzipAccepted = new Map<string, boolean>();
export function acceptsGzip(req: Request): boolean {
  const header = req.headers['accept-encoding'] ?? '';
  let yes = gzipAccepted.get(header);
  if (yes === undefined) {
    yes = req.acceptsEncodings('gzip') === 'gzip';
    if (gzipAccepted.size >= 256) gzipAccepted.clear();
    gzipAccepted.set(header, yes);
  }
  return yes;
}

/** Whether the client already has this version: only asked when it sent a validator. */
export function fresh(req: Request): boolean {
  return (req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined) && req.fresh;
}

/**
 * Unpacked bodies for the few clients without gzip: the most recently asked ones are kept (a bounded
 * cache, so that a big page such as a language's set of sheets is not unpacked on every request).
 */
const PLAIN_KEPT = 16;
const plain = new Map<Rendered, Buffer>();
function unpacked(doc: Rendered): Buffer {
  let body = plain.get(doc);
  if (body) {
    plain.delete(doc);
  } else {
    body = gunzipSync(doc.gzip);
    if (plain.size >= PLAIN_KEPT) plain.delete(plain.keys().next().value as Rendered);
  }
  plain.set(doc, body);
  return body;
}

/** The headers that go with a body as it is sent: packed when the client accepts gzip (nearly all do), else unpacked (see above). */
export function bodyHeaders(doc: Rendered, gzip: boolean): [string, string][] {
  const length = String(gzip ? doc.gzip.length : unpacked(doc).length);
  return gzip ? [['Vary', 'Accept-Encoding'], ['Content-Encoding', 'gzip'], ['Content-Length', length]] : [['Vary', 'Accept-Encoding'], ['Content-Length', length]];
}

/** Writes a body with its headers (above). */
export function writeBody(req: Request, res: Response, doc: Rendered): void {
  const gzip = acceptsGzip(req);
  for (const [name, value] of bodyHeaders(doc, gzip)) res.setHeader(name, value);
  res.end(req.method === 'HEAD' ? undefined : gzip ? doc.gzip : unpacked(doc));
}

/**
 * A page's own headers when it is sent whole (200): type, language, and either a short public cache
 * with its validator or, for a page that shows a reader's answers, none at all.
 */
export function pageHeaders(page: Rendered, maxAge = 300): [string, string][] {
  const own: [string, string][] = [
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Content-Language', page.lang],
  ];
  return page.private ? [...own, ['Cache-Control', 'private, no-store']] : [...own, ['Cache-Control', `public, max-age=${maxAge}`], ['ETag', page.etag]];
}

/** Sends a pre-rendered HTML page with its validator; answers 304 when the client has it already. */
export function sendHtml(req: Request, res: Response, page: Rendered, status = 200, maxAge = 300): void {
  res.status(status);
  if (status === 200) {
    for (const [name, value] of pageHeaders(page, maxAge)) res.setHeader(name, value);
    if (!page.private && fresh(req)) {
      res.status(304).end();
      return;
    }
  } else {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Language', page.lang);
    res.setHeader('Cache-Control', 'no-store');
  }
  writeBody(req, res, page);
}
