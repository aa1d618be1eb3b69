import express, { type Express } from 'express';
import { accessLog } from './http/accessLog.js';
import { api } from './http/api.js';
import { assets } from './http/assets.js';
import { errorHandler, errorPages, notFound } from './http/errors.js';
import { languageRedirect } from './http/home.js';
import { knownPages } from './http/knownPages.js';
import { pageCache } from './http/pageCache.js';
import { offline } from './http/offline.js';
import { pages } from './http/pages.js';
import { security } from './http/security.js';
import { seo } from './http/seo.js';
import type { Site } from './site/site.js';

/** The whole web application; tests call this and never bind a port. */
export function createApp(site: Site, log: (e: unknown) => void = (e) => console.error(e)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  const errors = errorPages(site);
  const table = pageCache(site);
  app.use(accessLog(site.config));
  app.use(knownPages(site.config, table));
  app.use(security(site.config));
  app.get('/healthz', (_req, res) => {
    res.locals.route = 'healthz';
    res.type('text/plain').set('Cache-Control', 'no-store').send('ok');
  });
  app.get('/', languageRedirect(site));
  app.use(assets(site));
  app.use(api(site));
  app.use(seo(site));
  app.use(offline(site));
  app.use(pages(site, table));
  app.use(notFound(site, errors));
  app.use(errorHandler(site, errors, log));
  return app;
}
