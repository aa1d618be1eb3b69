import type { RequestHandler } from 'express';
import type { Config } from '../config.js';

/**
 * One line per request with method, route kind, status and duration only: never the address,
 * the query string, the user agent or the full path (which can hold a reader's answers).
 */
export function accessLog(config: Config, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): RequestHandler {
  if (config.logLevel !== 'info') return (_req, _res, next) => next();
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = String(res.locals.route ?? 'unmatched');
      // method and route kind are our own fixed words, so the line is valid JSON without escaping
      write(`{"method":"${req.method.replace(/[^A-Z]/g, '')}","route":"${route}","status":${res.statusCode},"ms":${Math.round(ms * 10) / 10}}`);
    });
    next();
  };
}
