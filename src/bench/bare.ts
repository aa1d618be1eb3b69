import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import express from 'express';

/**
 * The benchmark's yardstick: a bare Express app that sends the same answer as the real page from
 * memory: the same headers and the HTML, or (as the app does) the same page gzipped once at start
 * when the client accepts gzip. Started by src/cli/bench.ts as its own process:
 *   node --import tsx src/bench/bare.ts
 * (BENCH_BODY_FILE = the page's HTML, BENCH_HEADERS_FILE = its other headers as JSON pairs, PORT = where to listen)
 */
const body = readFileSync(process.env.BENCH_BODY_FILE ?? '', 'utf8');
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
const gzipped = gzipSync(body, { level: 9 });
// the real page's other headers (security, language, cache, validator), so that both send the same head
const same = new Map<string, string>(process.env.BENCH_HEADERS_FILE ? (JSON.parse(readFileSync(process.env.BENCH_HEADERS_FILE, 'utf8')) as [string, string][]) : []);
app.get('/{*path}', (req, res) => {
  res.setHeaders(same);
  res.type('text/html; charset=utf-8').setHeader('Vary', 'Accept-Encoding');
  if (req.acceptsEncodings('gzip') === 'gzip') res.setHeader('Content-Encoding', 'gzip').end(gzipped);
  else res.send(body);
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
