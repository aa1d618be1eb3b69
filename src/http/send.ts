import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/** A response body made once: its text, its validator and, on first need, its gzip form. */
export interface Rendered {
  body: string;
  etag: string;
  lang: string;
  gzip?: Buffer;
}

export function rendered(body: string, lang: string): Rendered {
  return { body, lang, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` };
}

/**
 * Writes a body, gzipped once and kept when the client accepts gzip (the compression middleware
 * leaves an already encoded response alone), so a busy page costs no compression per request.
 */
export function writeBody(req: Request, res: Response, doc: Rendered): void {
  res.setHeader('Vary', 'Accept-Encoding');
  if (doc.body.length > 1024 && req.acceptsEncodings('gzip') === 'gzip') {
    doc.gzip ??= gzipSync(doc.body, { level: 9 });
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', doc.gzip.length);
    res.end(req.method === 'HEAD' ? undefined : doc.gzip);
    return;
  }
  res.send(doc.body);
}

/** Sends a pre-rendered HTML page with its validator; answers 304 when the client has it already. */
export function sendHtml(req: Request, res: Response, page: Rendered, status = 200, maxAge = 300): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Language', page.lang);
  if (status === 200) {
    res.setHeader('Cache-Control', `public, max-age=${maxAge}`);
    res.setHeader('ETag', page.etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
  } else {
    res.setHeader('Cache-Control', 'no-store');
  }
  writeBody(req, res, page);
}
