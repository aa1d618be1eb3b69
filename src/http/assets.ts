import type { RequestHandler } from 'express';
import type { Site } from '../site/site.js';
import { rendered, writeBody } from './send.js';

/**
 * Static files under their hashed names, cached for a year; and /favicon.ico, which browsers ask for
 * on their own: our SVG icon (pages name it in their head too), cached for a day.
 */
export function assets(site: Site): RequestHandler {
  const byHref = new Map([...site.assets.values()].map((a) => [a.href, { ...a, doc: rendered(a.body.toString('utf8'), ''), maxAge: 'public, max-age=31536000, immutable' }]));
  const icon = site.assets.get('favicon.svg');
  if (icon) byHref.set('/favicon.ico', { ...icon, doc: rendered(icon.body.toString('utf8'), ''), maxAge: 'public, max-age=86400' });
  return (req, res, next) => {
    const asset = byHref.get(req.path);
    if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.locals.route = 'asset';
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', asset.maxAge);
    writeBody(req, res, asset.doc);
  };
}
