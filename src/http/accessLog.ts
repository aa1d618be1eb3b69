import type { RequestHandler } from 'express';
import type { Config } from '../config.js';

/**
 * Standard output in batches: the lines of one turn of the event loop are written together, once
 * (a busy server otherwise makes one write call per request). What is still waiting is written
 * when the process exits.
 */
export function batchedStdout(out: { write(text: string): unknown } = process.stdout): (line: string) => void {
  let waiting: string[] = [];
  const flush = () => {
    if (waiting.length === 0) return;
    const text = `${waiting.join('\n')}\n`;
    waiting = [];
    out.write(text);
  };
  process.once('exit', flush);
  return (line) => {
    if (waiting.push(line) === 1) setImmediate(flush);
  };
}

/**
 * One line per request with method, route kind, status and duration only: never the address,
 * the query string, the user agent or the full path (which can hold a reader's answers).
 */
export function accessLog(config: Config, writeLine?: (line: string) => void): RequestHandler {
  if (config.logLevel !== 'info') return (_req, _res, next) => next();
  const write = writeLine ?? batchedStdout();
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
