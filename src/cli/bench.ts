import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { GZIP, load, type Load } from '../bench/load.js';
import { NGINX_WORKERS, startNginxMirror } from '../bench/nginx.js';
import { cpuMs, freePort, rssBytes, startProcess, timeCommand, waitFor200, type Child } from '../bench/processes.js';
import { stylesheets, wireBytes } from '../bench/weight.js';
import { testConfig } from '../config.js';
import { loadContentOrThrow } from '../content/load.js';
import { ROOT } from '../paths.js';
import { pageTable } from '../site/pages/index.js';
import { createSite } from '../site/site.js';

/**
 * npm run bench: the performance report, on the loopback interface only.
 * Throughput of the real app against a bare Express app sending the same bytes, page weight,
 * cold start, memory after 100 000 requests, and the time of the content check and the export.
 * Prints a table and writes test/artifacts/bench.json.
 */
const PAGE = '/ru/positions/deserters-protection';
const ROUNDS = 5;
const ROUND_SECONDS = 5;
const WARMUP_SECONDS = 3;
const COLD_STARTS = 3;
const KB = 1024;
const MB = 1024 * 1024;
const TARGETS = { ratio: 0.9, pageBytes: 14 * KB, coldStartMs: 1000, rssBytes: 150 * MB, rssGrowth: 0.1, exportMs: 10_000, notFoundRatio: 2 };

/** Runs a TypeScript file with node itself (no npx in between): node --import tsx FILE. */
const TSX = ['--import', 'tsx'];

/** The server is measured exactly as `npm start` runs it: node's arguments are read from package.json ("exec node ARGS"). */
const START = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .replace(/^exec\s+/, '')
  .split(/\s+/)
  .slice(1);

/** Starts a server process on a free loopback port and waits until it answers. */
async function serve(command: string, args: string[], env: Record<string, string> = {}): Promise<Child> {
  const child = startProcess(command, args, await freePort(), env);
  try {
    await waitFor200(`${child.url}/healthz`, performance.now());
  } catch (e) {
    await child.stop();
    throw e;
  }
  return child;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean requests per second and the median of the rounds' latency percentiles. */
function summarise(rounds: Load[]) {
  return {
    rps: Math.round(mean(rounds.map((r) => r.rps))),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((a, r) => a + r.errors + r.non2xx, 0),
    rounds,
  };
}

/**
 * The app's headers that the bare app must repeat to send the same head: all but those the bare app
 * sets itself (type, encoding, length) and those of the connection. The load generator reads every
 * byte; with a shorter head (about 700 bytes less) the bare app was measured faster for that alone.
 */
function sameHead(headers: Headers): [string, string][] {
  const own = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-encoding', 'vary', 'content-type']);
  return [...headers].filter(([name]) => !own.has(name));
}

async function throughput() {
  const app = await serve(process.execPath, START);
  const bodyDir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    const answer = await fetch(`${app.url}${PAGE}`, { headers: GZIP });
    const html = await answer.text();
    const bodyFile = join(bodyDir, 'page.html');
    writeFileSync(bodyFile, html);
    const headersFile = join(bodyDir, 'headers.json');
    writeFileSync(headersFile, JSON.stringify(sameHead(answer.headers)));
    const bare = await serve(process.execPath, [...TSX, 'src/bench/bare.ts'], { BENCH_BODY_FILE: bodyFile, BENCH_HEADERS_FILE: headersFile });
    try {
      const same = (await (await fetch(`${bare.url}${PAGE}`)).text()) === html;
      if (!same) throw new Error('the bare app does not send the same bytes');
      const targets = { app, bare };
      for (const t of Object.values(targets)) await load(t.url, [PAGE], { seconds: WARMUP_SECONDS });
      const rounds: Record<'app' | 'bare', Load[]> = { app: [], bare: [] };
      for (let i = 0; i < ROUNDS; i++) {
        for (const name of ['app', 'bare'] as const) {
          const r = await load(targets[name].url, [PAGE], { seconds: ROUND_SECONDS });
          rounds[name].push(r);
          console.log(`  round ${i + 1} ${name.padEnd(4)} ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
        }
      }
      const page = await wireBytes(`${app.url}${PAGE}`);
      const css = await Promise.all(stylesheets(html).map((href) => wireBytes(`${app.url}${href}`)));
      return {
        app: summarise(rounds.app),
        bare: summarise(rounds.bare),
        weight: { htmlGzip: page.bytes, htmlEncoding: page.encoding, htmlRaw: Buffer.byteLength(html), cssGzip: css.reduce((a, c) => a + c.bytes, 0), cssEncoding: css.map((c) => c.encoding).join(',') },
      };
    } finally {
      await bare.stop();
    }
  } finally {
    await app.stop();
    rmSync(bodyDir, { recursive: true, force: true });
  }
}

/**
 * The same page from a fresh export under nginx with the mirror kit's configuration (one worker),
 * beside the app started again as npm start does: warm-up, then rounds alternating between the two.
 * The export's page is the folder address (PAGE/): nginx answers PAGE itself with a 301 to it.
 */
async function nginxThroughput() {
  const mirror = await startNginxMirror();
  if ('skipped' in mirror) return mirror;
  try {
    const app = await serve(process.execPath, START);
    try {
      const targets = { app: { url: app.url, path: PAGE }, nginx: { url: mirror.url, path: `${PAGE}/` } };
      for (const t of Object.values(targets)) await load(t.url, [t.path], { seconds: WARMUP_SECONDS });
      const rounds: Record<'app' | 'nginx', Load[]> = { app: [], nginx: [] };
      for (let i = 0; i < ROUNDS; i++) {
        for (const name of ['app', 'nginx'] as const) {
          const r = await load(targets[name].url, [targets[name].path], { seconds: ROUND_SECONDS });
          rounds[name].push(r);
          console.log(`  round ${i + 1} ${name.padEnd(5)} ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
        }
      }
      const page = await wireBytes(`${mirror.url}${PAGE}/`);
      return { nginx: mirror.nginx, workers: NGINX_WORKERS, app: summarise(rounds.app), mirror: summarise(rounds.nginx), htmlGzip: page.bytes, htmlEncoding: page.encoding };
    } finally {
      await app.stop();
    }
  } finally {
    await mirror.stop();
  }
}

/**
 * 100 000 requests over every page in every language, plus unknown addresses and finder answers
 * with fresh ids; the server's RSS at start, after 20 000 and after 100 000. `nodeFlags` tries V8
 * settings (the default heap grows lazily under load: RSS is then mostly garbage not yet collected).
 */
async function memory(nodeArgs: string[] = START) {
  const site = createSite(loadContentOrThrow(), testConfig());
  const paths = [...pageTable(site).keys(), '/', '/ru/no-such-page-[<id>]', '/en/check/?where=[<id>]', '/de/?utm_source=[<id>]'];
  const app = await serve(process.execPath, nodeArgs);
  try {
    const pid = app.process.pid!;
    const atStart = rssBytes(pid);
    const first = await load(app.url, paths, { amount: 20_000 });
    // (the "/" redirects and unknown addresses answer 302 and 404: counted apart, as non2xx)
    const at20k = rssBytes(pid);
    const rest = await load(app.url, paths, { amount: 80_000 });
    const at100k = rssBytes(pid);
    const growth = (at100k - at20k) / at20k;
    return {
      atStart,
      at20k,
      at100k,
      growth,
      flat: growth <= TARGETS.rssGrowth,
      requests: first.requests + rest.requests,
      errors: first.errors + rest.errors,
      non2xx: first.non2xx + rest.non2xx,
      addresses: paths.length,
    };
  } finally {
    await app.stop();
  }
}

/**
 * What a 404 costs beside a page: the server's CPU time per request (from /proc) for the page, an
 * unknown address with a fresh plausible last segment on every request, and the same in Cyrillic
 * (percent-encoded, as browsers send it); rounds alternating, after a warm-up.
 */
const NOT_FOUND = {
  page: PAGE,
  'plain 404': '/ru/positions/deserters-protectoin-[<id>]',
  'Cyrillic 404': `/ru/positions/${encodeURIComponent('защита-дезертиров-')}[<id>]`,
};
const NOT_FOUND_REQUESTS = 5_000;

async function notFoundCost() {
  const app = await serve(process.execPath, START);
  try {
    const pid = app.process.pid!;
    const kinds = Object.keys(NOT_FOUND) as (keyof typeof NOT_FOUND)[];
    for (const kind of kinds) await load(app.url, [NOT_FOUND[kind]], { amount: 1_000 });
    const spent = Object.fromEntries(kinds.map((k) => [k, { cpuMs: 0, requests: 0, rps: [] as number[], statuses: 0 }]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const kind of kinds) {
        const before = cpuMs(pid);
        const r = await load(app.url, [NOT_FOUND[kind]], { amount: NOT_FOUND_REQUESTS });
        const s = spent[kind]!;
        s.cpuMs += cpuMs(pid) - before;
        s.requests += r.requests;
        s.rps.push(r.rps);
        // a page answers 200, the others 404: anything else is counted as a failure
        s.statuses += kind === 'page' ? r.non2xx + r.errors : r.requests - r.non2xx + r.errors;
      }
    }
    const perRequest = (k: keyof typeof NOT_FOUND) => (spent[k]!.cpuMs * 1000) / spent[k]!.requests;
    return Object.fromEntries(kinds.map((k) => [k, { path: NOT_FOUND[k], cpuMicroseconds: perRequest(k), ratio: perRequest(k) / perRequest('page'), rps: Math.round(mean(spent[k]!.rps)), unexpected: spent[k]!.statuses }])) as Record<keyof typeof NOT_FOUND, { path: string; cpuMicroseconds: number; ratio: number; rps: number; unexpected: number }>;
  } finally {
    await app.stop();
  }
}

/** The rows of the 404 cost, beside the page's. */
function notFoundRows(n: Awaited<ReturnType<typeof notFoundCost>>): [string, string, string, boolean | undefined][] {
  return (Object.keys(n) as (keyof typeof n)[]).map((k) => {
    const r = n[k];
    const own = `${Math.round(r.cpuMicroseconds)} µs CPU/request, ${r.rps} req/s`;
    return k === 'page'
      ? [`CPU per request: page ${PAGE}`, own, '', undefined]
      : [`CPU per request: ${k} (fresh segment each)`, `${own}, ${r.ratio.toFixed(2)}× the page`, `<= ${TARGETS.notFoundRatio}× the page`, r.ratio <= TARGETS.notFoundRatio];
  });
}

/** From spawning the server to the first 200 of /healthz, then of the page; the median of a few starts. */
async function coldStart(command: string, args: string[]) {
  const runs: { healthz: number; page: number }[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const port = await freePort();
    const started = performance.now();
    const child = startProcess(command, args, port);
    try {
      const healthz = await waitFor200(`${child.url}/healthz`, started);
      const page = await waitFor200(`${child.url}${PAGE}`, started);
      runs.push({ healthz, page });
    } finally {
      await child.stop();
    }
  }
  return { healthz: Math.round(median(runs.map((r) => r.healthz))), page: Math.round(median(runs.map((r) => r.page))), runs };
}

async function exportTime() {
  if (!existsSync(join(ROOT, 'src', 'cli', 'export.ts'))) return { skipped: 'src/cli/export.ts does not exist yet' };
  const out = mkdtempSync(join(tmpdir(), 'bench-export-'));
  try {
    return await timeCommand('npm', ['run', '-s', 'export', '--', '--out', out, '--base-url', 'https://example.org']);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The nginx rows of the table: requests/s and latency beside the app measured in the same rounds, or one line saying it was skipped. */
function mirrorRows(m: Awaited<ReturnType<typeof nginxThroughput>>): [string, string, string, boolean | undefined][] {
  if ('skipped' in m) return [['nginx mirror (export)', `skipped: ${m.skipped}`, '', undefined]];
  const ratio = m.mirror.rps / m.app.rps;
  return [
    [`nginx mirror (export, ${m.workers} worker): requests/s`, String(m.mirror.rps), '', undefined],
    ['nginx mirror: latency p50 / p99', `${m.mirror.p50} / ${m.mirror.p99} ms`, '', undefined],
    ['app in the same rounds: requests/s', String(m.app.rps), '', undefined],
    ['nginx mirror / app', ratio.toFixed(2), '', undefined],
  ];
}

function table(rows: [string, string, string, boolean | undefined][]): string {
  const head: [string, string, string, string] = ['measure', 'result', 'target', ''];
  const lines = [head, ...rows.map(([a, b, c, ok]) => [a, b, c, ok === undefined ? '' : ok ? 'ok' : 'MISSED'])];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  return lines.map((l) => l.map((cell, i) => (cell ?? '').padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  if (process.argv.includes('--not-found')) {
    // npm run bench -- --not-found: only the 404 rows
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    console.log(`\n${table(notFoundRows(await notFoundCost()))}\n`);
    return;
  }
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memory: totalmem(), node: process.version, platform: process.platform, loadavgBefore: loadavg() };
  console.log(`Benchmark on ${machine.cpus} cores (${machine.cpu}), Node ${machine.node}, load average ${machine.loadavgBefore.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`Throughput of ${PAGE}: ${WARMUP_SECONDS} s warm-up, then ${ROUNDS} rounds of ${ROUND_SECONDS} s each, app and bare Express alternating, 10 connections, gzip`);
  console.log('Building the server as npm start does (npm run build)');
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const t = await throughput();
  console.log(`What a 404 costs: server CPU per request, ${ROUNDS} rounds of ${NOT_FOUND_REQUESTS} requests each, page and 404s alternating`);
  const notFound = await notFoundCost();
  console.log(`Memory: 100 000 requests over every page, unknown addresses and finder answers (server run as npm start: node ${START.join(' ')})`);
  const mem = await memory();
  console.log('Cold start, npm run check, export');
  const cold = await coldStart(process.execPath, START);
  const check = await timeCommand('npm', ['run', '-s', 'check']);
  const exported = await exportTime();
  console.log(`nginx mirror: ${PAGE}/ from a fresh export under nginx (${NGINX_WORKERS} worker) beside the app, ${ROUNDS} rounds of ${ROUND_SECONDS} s alternating`);
  const mirror = await nginxThroughput();
  if ('skipped' in mirror) console.log(`nginx mirror: skipped: ${mirror.skipped}`);

  const ratio = t.app.rps / t.bare.rps;
  const pageBytes = t.weight.htmlGzip + t.weight.cssGzip;
  const kb = (b: number) => `${(b / KB).toFixed(1)} KB`;
  const mb = (b: number) => `${(b / MB).toFixed(0)} MB`;
  const rows: [string, string, string, boolean | undefined][] = [
    ['app: requests/s', String(t.app.rps), '', undefined],
    ['app: latency p50 / p99', `${t.app.p50} / ${t.app.p99} ms`, '', undefined],
    ...notFoundRows(notFound),
    ['bare Express: requests/s', String(t.bare.rps), '', undefined],
    ['bare Express: latency p50 / p99', `${t.bare.p50} / ${t.bare.p99} ms`, '', undefined],
    ['app / bare Express', ratio.toFixed(2), `>= ${TARGETS.ratio}`, ratio >= TARGETS.ratio],
    [`page weight ${PAGE} (gzip)`, `${kb(pageBytes)} (HTML ${kb(t.weight.htmlGzip)} + CSS ${kb(t.weight.cssGzip)})`, `<= ${kb(TARGETS.pageBytes)}`, pageBytes <= TARGETS.pageBytes],
    ['cold start (as npm start): /healthz / page', `${cold.healthz} / ${cold.page} ms`, `< ${TARGETS.coldStartMs} ms`, cold.page < TARGETS.coldStartMs],
    ['memory (RSS) at start / 20k / 100k requests', `${mb(mem.atStart)} / ${mb(mem.at20k)} / ${mb(mem.at100k)}`, `< ${mb(TARGETS.rssBytes)}, flat`, mem.at100k < TARGETS.rssBytes && mem.flat],
    ['memory growth 20k → 100k', `${(mem.growth * 100).toFixed(1)} %`, `<= ${TARGETS.rssGrowth * 100} %`, mem.flat],
    ['npm run check', `${Math.round(check.ms)} ms${check.code === 0 ? '' : ` (exit ${check.code})`}`, '', check.code === 0 ? undefined : false],
    'skipped' in exported
      ? ['npm run export', `skipped: ${exported.skipped}`, `< ${TARGETS.exportMs / 1000} s`, undefined]
      : ['npm run export', `${Math.round(exported.ms)} ms${exported.code === 0 ? '' : ` (exit ${exported.code})`}`, `< ${TARGETS.exportMs / 1000} s`, exported.code === 0 && exported.ms < TARGETS.exportMs],
    ...mirrorRows(mirror),
  ];
  console.log(`\n${table(rows)}\n`);
  const failed = t.app.errors + t.bare.errors + mem.errors + ('skipped' in mirror ? 0 : mirror.app.errors + mirror.mirror.errors);
  if (failed > 0) console.log(`warning: ${failed} failed requests or unexpected statuses during the load runs`);

  const report = { date: new Date().toISOString(), machine: { ...machine, loadavgAfter: loadavg() }, page: PAGE, targets: TARGETS, throughput: { ...t, ratio }, notFound, pageBytes, memory: mem, coldStart: cold, check, export: exported, nginx: mirror, table: rows.map(([measure, result, target, ok]) => ({ measure, result, target, ok })) };
  mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'test/artifacts', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('Written to test/artifacts/bench.json');
}

main().catch((e: unknown) => {
  console.error(`bench: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
