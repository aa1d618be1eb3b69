import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

export interface Rendered {
  body: string;
  etag: string;
  lang: string;
}

export function rendered(body: string, lang: string): Rendered {
  return { body, lang, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` };
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
  res.send(page.body);
}
