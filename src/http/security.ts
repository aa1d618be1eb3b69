import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.js';

/**
 * Runs a header-setting middleware once against a recording response and returns the headers it
 * set: our security headers never depend on the request, so they are worked out once at start.
 */
function recordHeaders(middleware: RequestHandler): [string, string | number | readonly string[]][] {
  const headers = new Map<string, string | number | readonly string[]>();
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  middleware({ method: 'GET', headers: {} } as Request, res as unknown as Response, () => undefined);
  return [...headers];
}

/** The Permissions-Policy: no browser feature is offered to any page. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()';

/**
 * Our security headers as [name, value] pairs, in the order they are sent: the one list that the
 * app sends on every answer and that the nginx mirror configuration (src/deploy/nginx.ts) repeats.
 * `inlineStyles`: hashes ('sha256-…') of stylesheets that a document carries inside itself.
 */
export function securityHeaders(config: Pick<Config, 'hsts'>, inlineStyles: string[] = []): [string, string][] {
  const headers = recordHeaders(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          // a document that carries its stylesheet inside (the offline edition) names it by its hash
          styleSrc: ["'self'", ...inlineStyles],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          scriptSrc: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: config.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  const list: [string, string][] = headers.map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
  list.push(['Permissions-Policy', PERMISSIONS_POLICY]);
  return list;
}

/** Whether a request brings a body (which the site never reads). */
export function bringsBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/**
 * Strict headers: nothing from other hosts, no scripts, no framing, no referrer, no browser features.
 * Also, since the site never reads request bodies: a request that brings one gets its answer with
 * Connection: close, so that a slow body cannot hold the socket after the answer.
 */
export function security(config: Config): RequestHandler {
  const headers = new Map(securityHeaders(config));
  return (req, res, next) => {
    res.setHeaders(headers);
    if (bringsBody(req)) res.setHeader('Connection', 'close');
    next();
  };
}
