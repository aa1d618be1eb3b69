import { readFileSync } from 'node:fs';
import compression from 'compression';
import express from 'express';

/**
 * The benchmark's yardstick: a bare Express app that sends the same bytes as the real page, from
 * memory, with the same compression middleware. Started by src/cli/bench.ts as its own process:
 *   node --import tsx src/bench/bare.ts  (BENCH_BODY_FILE = the page's HTML, PORT = where to listen)
 */
const body = readFileSync(process.env.BENCH_BODY_FILE ?? '', 'utf8');
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(compression());
app.get('/{*path}', (_req, res) => {
  res.type('text/html; charset=utf-8').send(body);
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
