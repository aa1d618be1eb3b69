import type { RequestHandler } from 'express';
import type { Site } from '../site/site.js';
import { rendered, writeBody } from './send.js';

/** Static files under their hashed names, cached for a year. */
export function assets(site: Site): RequestHandler {
  const byHref = new Map([...site.assets.values()].map((a) => [a.href, { ...a, doc: rendered(a.body.toString('utf8'), '') }]));
  return (req, res, next) => {
    const asset = byHref.get(req.path);
    if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.locals.route = 'asset';
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    writeBody(req, res, asset.doc);
  };
}
