import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import type { PageCache } from './pageCache.js';
import type { Rendered } from './send.js';
import { acceptsGzip, bodyHeaders, pageHeaders } from './send.js';
import { bringsBody, securityHeaders } from './security.js';

/**
 * The request nearly every reader makes, answered first: a known page asked for plainly (GET or
 * HEAD, no query, no percent sign, no validator, no body, gzip accepted). Its whole head, our
 * security headers and the page's own, is worked out once per page and written in one call.
 * Any other request goes on through the full chain (src/app.ts), which sends the same headers.
 */
export function knownPages(config: Config, table: PageCache): RequestHandler {
  const security = securityHeaders(config);
  const heads = new WeakMap<Rendered, string[]>();
  const headOf = (page: Rendered): string[] => {
    let head = heads.get(page);
    if (!head) {
      head = [...security, ...pageHeaders(page), ...bodyHeaders(page, true)].flat();
      heads.set(page, head);
    }
    return head;
  };
  return (req, res, next) => {
    const { method, url, headers } = req;
    if ((method !== 'GET' && method !== 'HEAD') || url.includes('?') || url.includes('%')) return next();
    if (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined || bringsBody(req) || !acceptsGzip(req)) return next();
    const page = table.get(url);
    if (!page) return next();
    res.locals.route = 'page';
    res.writeHead(200, headOf(page));
    res.end(method === 'HEAD' ? undefined : page.gzip);
  };
}
