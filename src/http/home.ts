import type { RequestHandler } from 'express';
import type { Site } from '../site/site.js';
import { urls } from '../site/urls.js';
import { bestLanguage } from './language.js';

/** "/" sends each reader to the best of our languages for their browser. */
export function languageRedirect(site: Site): RequestHandler {
  return (req, res) => {
    res.locals.route = 'language-redirect';
    res.setHeader('Vary', 'Accept-Language');
    res.setHeader('Cache-Control', 'no-cache');
    res.redirect(302, urls.home(bestLanguage(site, req)));
  };
}
