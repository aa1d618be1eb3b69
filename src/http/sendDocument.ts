import type { Request, Response } from 'express';
import { fresh, writeBody, type Rendered } from './send.js';

/**
 * Sends a document built at start (JSON, XML, plain text) with its validator and a short public
 * cache; answers 304 when the client has it already. Content-Language only for documents in one language.
 */
export function sendDocument(req: Request, res: Response, doc: Rendered, type: string, maxAge = 300): void {
  res.status(200);
  res.setHeader('Content-Type', type);
  if (doc.lang) res.setHeader('Content-Language', doc.lang);
  res.setHeader('Cache-Control', `public, max-age=${maxAge}`);
  res.setHeader('ETag', doc.etag);
  if (fresh(req)) {
    res.status(304).end();
    return;
  }
  writeBody(req, res, doc);
}
