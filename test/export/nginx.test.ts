import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor200 } from '../../src/bench/processes.js';
import { CACHE, findNginx, nginxArgs, nginxConfig, writeNginxKit, type NginxKit } from '../../src/deploy/nginx.js';
import { mirrorSite } from '../../src/deploy/mirrorSite.js';
import { exportSite } from '../../src/export/export.js';
import { securityHeaders } from '../../src/http/security.js';
import { pageTable } from '../../src/site/pages/index.js';
import { exportFile } from '../../src/site/urls.js';
import type { Site } from '../../src/site/site.js';
import { crawl, httpFetcher } from '../crawl.js';
import { ROOT } from '../../src/paths.js';
import { PRIVATE_ADDRESS } from '../../src/site/urls.js';
import { LANGS, makeApp } from '../helpers.js';

/**
 * The mirror kit (src/deploy/nginx.ts) under Debian's nginx: a fresh export served by the generated
 * configuration must pass the same crawl as the app and send the app's headers. Needs the nginx
 * program (CI installs it, .ci/run); without it the nginx part is skipped with one line saying so.
 */
const NGINX = findNginx();
const SKIPPED = 'skipped: no nginx program on the PATH or in /usr/sbin (apt-get install nginx-light; CI installs it)';
if (!NGINX) console.warn(`test/export/nginx.test.ts: ${SKIPPED}`);

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly the headers given (fetch would add Accept-Encoding and unpack the body). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
const GZIP = { 'accept-encoding': 'gzip' };

describe('the nginx configuration', () => {
  const options = { root: '/srv/mirror', listen: '8080', runDir: '/var/lib/mirror', langs: LANGS };

  it('carries the app\'s security headers, HSTS only for an https public address', () => {
    const https = nginxConfig({ ...options, headers: securityHeaders({ hsts: true }) });
    const http = nginxConfig({ ...options, headers: securityHeaders({ hsts: false }) });
    for (const [name, value] of securityHeaders({ hsts: true })) expect(https).toContain(`add_header ${name} "${value}" always;`);
    expect(https).toMatch(/add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;/);
    expect(http).not.toMatch(/Strict-Transport-Security/);
    for (const directive of ['server_tokens off;', 'autoindex off;', 'gzip_static on;', 'pid "/var/lib/mirror/nginx.pid";']) expect(http).toContain(directive);
  });

  it('the export refuses --nginx or --nginx-run inside --out (the mirror would serve them), and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nginx-inside-'));
    try {
      for (const args of [['--nginx', join(dir, 'out', 'nginx.conf')], ['--nginx', join(dir, 'nginx.conf'), '--nginx-run', join(dir, 'out', 'run')], ['--nginx', join(dir, 'out', 'sub', 'x.conf')]]) {
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', '--out', join(dir, 'out'), '--base-url', 'https://example.org', ...args], { cwd: ROOT, encoding: 'utf8' });
        expect(run.status, args.join(' ')).toBe(2);
        expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
        expect(run.stderr).toMatch(/--nginx(-run)? .* is inside --out/);
      }
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses values nginx would misread, relative folders and bad listen addresses', () => {
    const headers = securityHeaders({ hsts: false });
    expect(() => nginxConfig({ ...options, root: '/srv/$mirror', headers })).toThrow(/cannot be written/);
    expect(() => nginxConfig({ ...options, root: 'mirror', headers })).toThrow(/absolute/);
    expect(() => nginxConfig({ ...options, listen: '80; include /etc/passwd', headers })).toThrow(/listen/);
    expect(() => nginxConfig({ ...options, langs: ['en', 'r/u'], headers })).toThrow(/language/);
  });
});

describe.skipIf(!NGINX)(NGINX ? `a fresh export served by nginx (${NGINX})` : `the nginx mirror: ${SKIPPED}`, () => {
  let site: Site;
  /** The app with the export's public address: what the mirror must match byte for byte. */
  let sameApp: ReturnType<typeof makeApp>['app'];
  let origin: string;
  let dir: string;
  let root: string;
  let kit: NginxKit;
  let nginx: ChildProcess;
  let stderr = '';
  const plain = makeApp();

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    ({ site, app: sameApp } = makeApp({ baseUrl: origin }));
    dir = mkdtempSync(join(tmpdir(), 'nginx-mirror-'));
    chmodSync(dir, 0o755);
    root = join(dir, 'site');
    await exportSite(site, root);
    kit = await writeNginxKit(site.config, root, { file: join(dir, 'nginx.conf'), listen: `127.0.0.1:${port}`, runDir: join(dir, 'run'), workers: 1, ...mirrorSite(site) });
    // nginx must run as an ordinary user: under root (as in CI), the test starts it as nobody
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in user) chownSync(kit.runDir, 65534, 65534);
    nginx = spawn(NGINX!, nginxArgs(kit), { stdio: ['ignore', 'ignore', 'pipe'], ...user });
    nginx.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      await waitFor200(`${origin}/`, performance.now(), 15_000);
    } catch (e) {
      throw new Error(`nginx did not start: ${stderr.trim() || (e as Error).message}`);
    }
  }, 90_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('runs as an ordinary user, with its pid, logs and temporary files in the run folder', () => {
    const uid = Number(execFileSync('ps', ['-o', 'uid=', '-p', String(nginx.pid)], { encoding: 'utf8' }).trim());
    expect(uid).not.toBe(0);
    expect(readdirSync(kit.runDir).sort()).toEqual(expect.arrayContaining(['access.log', 'client_body', 'error.log', 'nginx.pid']));
    expect(readFileSync(join(kit.runDir, 'nginx.pid'), 'utf8').trim()).toBe(String(nginx.pid));
  });

  it('passes the crawl from every language\'s start page: every page reached, every link and #anchor answers', async () => {
    const result = await crawl(httpFetcher(origin), ['/', ...LANGS.map((l) => `/${l}/`), '/404.html', ...LANGS.map((l) => `/${l}/404.html`)]);
    expect(result.problems).toEqual([]);
    const reached = new Set(result.htmlPages);
    expect([...pageTable(site).keys()].map((p) => `/${exportFile(p)}`).filter((p) => !reached.has(p))).toEqual([]);
  }, 120_000);

  it('answers every address of the sitemap (the server\'s addresses): 200, or 301 to the folder address', async () => {
    const sitemap = (await get(`${origin}/sitemap.xml`)).body.toString('utf8');
    const addresses = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').slice(origin.length));
    expect(addresses.length).toBeGreaterThan(LANGS.length);
    const wrong: string[] = [];
    for (const address of addresses) {
      let res = await get(`${origin}${address}`);
      if (res.status === 301 && res.headers.location === `${address}/`) res = await get(`${origin}${address}/`);
      if (res.status !== 200) wrong.push(`${address}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  describe('headers', () => {
    const asset = () => [...site.assets.values()][0]!.href;
    const position = () => `/ru/positions/${site.content.positions[0]!.id}`;
    const kinds: [string, () => string, number][] = [
      ['the language chooser', () => '/', 200],
      ['a start page', () => '/ru/', 200],
      ['a position', () => `${position()}/`, 200],
      ['a folder address without its slash', position, 301],
      ['the stylesheet', asset, 200],
      ['a 404 in a language', () => '/de/no-such-page', 404],
      ['a 404 outside the languages', () => '/no-such-page', 404],
      ['a folder without index.html', () => '/assets/', 404],
      ['a feed', () => '/ru/updates.xml', 200],
      ['the API', () => '/api/v1/', 200],
      ['the sitemap', () => '/sitemap.xml', 200],
      ['robots.txt', () => '/robots.txt', 200],
    ];

    it.each(kinds)('the same security headers as the app on %s', async (_name, path, status) => {
      const res = await get(`${origin}${path()}`, GZIP);
      expect(res.status).toBe(status);
      const app = await request(plain.app).get('/en/');
      for (const [name, value] of securityHeaders(site.config)) {
        expect(res.headers[name.toLowerCase()], name).toBe(value);
        expect(app.headers[name.toLowerCase()], `the app's ${name}`).toBe(value);
      }
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'.*frame-ancestors 'none'.*script-src 'none'/);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers.server, 'server_tokens off: no version').toBe('nginx');
    });

    it.each(LANGS)('sends the offline edition in %s as the app does: a download under its name, its own stylesheet allowed by its hash', async (lang) => {
      const res = await get(`${origin}/${lang}/offline.html`, GZIP);
      const app = await request(sameApp).get(`/${lang}/offline.html`);
      expect(res.status).toBe(200);
      for (const name of ['content-disposition', 'content-security-policy', 'content-type', 'content-language', 'cache-control']) expect(res.headers[name], name).toBe(app.headers[name]);
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="germany-guide-${lang}-\\d{4}-\\d{2}-\\d{2}\\.html"$`));
      expect(gunzipSync(res.body).toString('utf8')).toBe(app.text);
      // every other document keeps the strict policy and is no download
      const page = await get(`${origin}/${lang}/`, GZIP);
      expect(page.headers['content-disposition']).toBeUndefined();
      expect(page.headers['content-security-policy']).toBe(securityHeaders(site.config).find(([n]) => n === 'Content-Security-Policy')?.[1]);
    });

    it('sends the same Content-Type as the app for each kind of file', async () => {
      for (const [path, file] of [
        ['/ru/', '/ru/'],
        [asset(), asset()],
        ['/ru/updates.xml', '/ru/updates.xml'],
        ['/sitemap.xml', '/sitemap.xml'],
        ['/robots.txt', '/robots.txt'],
        ['/api/v1/', '/api/v1/'],
        ['/api/v1/positions?lang=de', '/api/v1/positions?lang=de'],
      ]) {
        const type = (await get(`${origin}${path}`)).headers['content-type'];
        expect(type, path).toBe((await request(plain.app).get(file!)).headers['content-type']);
      }
      expect((await get(`${origin}/ru/updates.xml`)).headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect((await get(`${origin}/api/v1/`)).headers['content-type']).toBe('application/json; charset=utf-8');
    });

    it('caches hashed assets for a year, pages for five minutes, a 404 not at all', async () => {
      expect((await get(`${origin}${asset()}`, GZIP)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(CACHE.asset).toBe((await request(plain.app).get(asset())).headers['cache-control']);
      expect((await get(`${origin}/ru/`, GZIP)).headers['cache-control']).toBe('public, max-age=300');
      expect(CACHE.page).toBe((await request(plain.app).get('/ru/')).headers['cache-control']);
      expect((await get(`${origin}/ru/no-such-page`, GZIP)).headers['cache-control']).toBe('no-store');
    });
  });

  it('sends the precompressed .gz to clients that ask for gzip, the plain file to the others', async () => {
    for (const path of ['/ru/', `/${exportFile(`/ru/positions/${site.content.positions[0]!.id}`)}`, [...site.assets.values()][0]!.href, '/api/v1/', '/ru/updates.xml']) {
      const file = readFileSync(join(root, exportFile(path === '/api/v1/' ? '/api/v1/index.json' : path)));
      const zipped = await get(`${origin}${path}`, GZIP);
      expect(zipped.headers['content-encoding'], path).toBe('gzip');
      expect(zipped.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(gunzipSync(zipped.body).equals(file), path).toBe(true);
      const plainAnswer = await get(`${origin}${path}`);
      expect(plainAnswer.headers['content-encoding'], path).toBeUndefined();
      expect(plainAnswer.body.equals(file), path).toBe(true);
    }
  });

  it('answers a missing page with status 404 and the "page not found" page in the address\'s language', async () => {
    for (const lang of LANGS) {
      const res = await get(`${origin}/${lang}/positions/no-such-position`);
      expect(res.status).toBe(404);
      expect(res.body.equals(readFileSync(join(root, lang, '404.html'))), lang).toBe(true);
      expect(res.body.toString('utf8')).toContain(`<html lang="${lang}">`);
      expect(res.headers['content-language']).toBe(lang);
    }
    const outside = await get(`${origin}/no-such-page`, GZIP);
    expect(outside.status).toBe(404);
    expect(gunzipSync(outside.body).equals(readFileSync(join(root, '404.html')))).toBe(true);
    expect(gunzipSync(outside.body).toString('utf8')).toContain(`<html lang="${site.content.sourceLang}">`);
  });

  it('lists no folder: a folder without index.html is a 404 with the "page not found" page', async () => {
    for (const path of ['/assets/', '/api/', '/ru/no-such-folder/']) {
      const res = await get(`${origin}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.body.toString('utf8'), path).not.toMatch(/Index of|<pre>/i);
      expect(res.body.toString('utf8'), path).toContain('id="caveat"');
    }
  });

  it('answers the API\'s server addresses with the exported files (?lang= included)', async () => {
    for (const [address, file] of [
      ['/api/v1/', 'api/v1/index.json'],
      ['/api/v1/positions', 'api/v1/positions.json'],
      ['/api/v1/positions?lang=ru', 'api/v1/positions.ru.json'],
      [`/api/v1/positions/${site.content.positions[0]!.id}?lang=de`, `api/v1/positions/${site.content.positions[0]!.id}.de.json`],
    ] as const) {
      const res = await get(`${origin}${address}`);
      expect(res.status, address).toBe(200);
      expect(res.body.equals(readFileSync(join(root, file))), address).toBe(true);
    }
  });
  describe('the promises the app makes', () => {
    it('logs what the app logs: method, status and time; no address, path, query or user agent, in either log', async () => {
      const secret = 'secret-reader-path';
      const ua = { 'user-agent': 'SecretAgent/1.0', referer: 'https://example.org/secret-referer' };
      for (const path of [`/ru/${secret}`, `/ru/check/?where=${secret}`, `/assets/`, `/${secret}.html.gz`, '/ru/', `/ru/positions/../../${secret}`]) await get(`${origin}${path}`, ua);
      await new Promise((r) => setTimeout(r, 200));
      const access = readFileSync(join(kit.runDir, 'access.log'), 'utf8');
      const lines = access.trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(6);
      for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).toEqual(['method', 'status', 'seconds']);
      const errors = readFileSync(join(kit.runDir, 'error.log'), 'utf8');
      for (const log of [access, errors]) {
        expect(log).not.toContain('127.0.0.1');
        expect(log).not.toContain('secret');
        expect(log).not.toContain('SecretAgent');
      }
    });

    it('sends every finder page, outcome and sheet with the app\'s Cache-Control, and redirects to a reader\'s answers private, no-store', async () => {
      const paths = [...pageTable(site).keys()].filter((p) => /\/(check|sheets)\//.test(p));
      expect(paths.filter((p) => PRIVATE_ADDRESS.test(p)).length).toBeGreaterThan(50);
      const wrong: string[] = [];
      for (const path of paths) {
        const app = await request(sameApp).get(path);
        const isPrivate = app.headers['cache-control'] === CACHE.private;
        // the server's address (a redirect to the folder address on the mirror), the folder address, and a pasted variant
        for (const address of [path, `/${exportFile(path).replace(/index\.html$/, '')}`, `${path.toUpperCase()})`]) {
          const res = await get(`${origin}${address}`);
          const want = res.status === 200 || isPrivate ? app.headers['cache-control'] : CACHE.page;
          if (![200, 301].includes(res.status) || res.headers['cache-control'] !== want) wrong.push(`${address}: ${res.status} ${res.headers['cache-control']} (app: ${app.headers['cache-control']})`);
        }
      }
      expect(wrong).toEqual([]);
    }, 120_000);

    it('answers a .gz twin asked for by its own name with 404 and the "page not found" page', async () => {
      const css = [...site.assets.values()][0]!.href;
      for (const [path, lang] of [
        ['/ru/index.html.gz', 'ru'],
        [`/${exportFile('/de/positions/')}.gz`, 'de'],
        ['/index.html.gz', site.content.sourceLang],
        [`${css}.gz`, site.content.sourceLang],
        ['/sitemap.xml.gz', site.content.sourceLang],
        ['/api/v1/index.json.gz', site.content.sourceLang],
      ] as const) {
        expect(readdirSync(join(root, path.slice(1).split('/').slice(0, -1).join('/'))).some((f) => `/${f}` === `/${path.split('/').pop()}`), `${path} exists as a file`).toBe(true);
        const res = await get(`${origin}${path}`, GZIP);
        expect(res.status, path).toBe(404);
        expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
        expect(res.headers['content-language'], path).toBe(lang);
        expect(gunzipSync(res.body).toString('utf8'), path).toContain(`<html lang="${lang}">`);
      }
    });

    /** Follows redirects (at most 4) and returns the final status, address and the page's canonical link. */
    async function follow(fetchOne: (path: string) => Promise<{ status: number; location?: string; body: string }>, path: string) {
      let at = path;
      for (let hop = 0; hop < 4; hop++) {
        const res = await fetchOne(at);
        if (res.status !== 301 || !res.location) return { status: res.status, at, canonical: /<link rel="canonical" href="([^"]+)">/.exec(res.body)?.[1], hops: hop };
        at = new URL(res.location, 'http://x').pathname;
      }
      return { status: 0, at, canonical: undefined, hops: 4 };
    }

    const forgiving = [
      '/RU/POSITIONS/DESERTERS-PROTECTION',
      '/Ru/Positions/',
      '/ru//positions//deserters-protection',
      '//de///glossary',
      '/ru/positions/deserters-protection.',
      '/ru/positions/deserters-protection).',
      '/en/positions/deserters-protection%C2%BB',
      '/de/positions/deserters-protection%E2%80%9D',
      "/en/sources'",
      '/RU/CHECK/IN-RUSSIA/DESERTER',
      '/ru/check/in-russia/deserter,',
      '/ru//check/in-russia/',
      '/DE/SHEETS/IN-RUSSIA--DESERTER)',
      '/en/sheets/deserters-protection;',
      // the offline edition: without ".html", with a slash, in capitals, with punctuation
      '/ru/offline',
      '/de/offline/',
      '/EN/OFFLINE.HTML',
      '/ru/offline.html.',
      '/de/offline.html)',
    ];

    it.each(forgiving)('a pasted %s ends on the same page as in the app, with one redirect', async (path) => {
      const app = await follow(async (p) => {
        const r = await request(sameApp).get(p);
        return { status: r.status, location: r.headers.location as string | undefined, body: r.text };
      }, path);
      const mirror = await follow(async (p) => {
        const r = await get(`${origin}${p}`);
        return { status: r.status, location: r.headers.location, body: r.body.toString('utf8') };
      }, path);
      expect(app.status).toBe(200);
      expect(mirror.status).toBe(200);
      expect(mirror.at.replace(/\/$/, '')).toBe(app.at.replace(/\/$/, ''));
      expect(mirror.canonical).toBe(app.canonical);
      expect(mirror.hops).toBe(1);
    });

    it('answers /favicon.ico and /healthz as the app does', async () => {
      for (const path of ['/favicon.ico', '/healthz']) {
        const res = await get(`${origin}${path}`);
        const app = await request(sameApp).get(path).buffer(true).parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
        expect(res.status, path).toBe(200);
        for (const name of ['content-type', 'cache-control']) expect(res.headers[name], `${path} ${name}`).toBe(app.headers[name]);
        expect(res.body.equals(app.body as Buffer), path).toBe(true);
      }
    });
  });
});
