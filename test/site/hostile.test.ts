import { createServer, get, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text } from '../helpers.js';

/**
 * Hostile and odd requests, generated: every one must get a clear 4xx (or the page it asked for)
 * in the right language, never a 5xx and never an echo of what was sent.
 */
const { app, site, errors } = makeApp();

interface Case {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  status: number;
  /** The language of the HTML page we expect (path language if valid, else Accept-Language's best, else en). */
  lang?: string;
  /** The ui: key of the page's heading, when it is not the usual one for its status. */
  title?: string;
  /** An API address: the answer is JSON. */
  json?: boolean;
  /** What was injected: it must not come back unescaped. */
  payload?: string;
}

const SCRIPTS = ['<script>alert(1)</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)'];
const LONG = 'a'.repeat(10_000);
const ASSET = [...site.assets.values()][0]!.href;
const [firstQuestion] = site.content.questions;
const q = firstQuestion!.id;
const firstOption = firstQuestion!.options[0]!;
const FINDER_ERROR = 'check.errorTitle';

/** Each language folder, and no language at all (then the answer is in English by default). */
const PREFIXES: [string, string][] = [['', 'en'], ...LANGS.map((l): [string, string] => [`/${l}`, l])];

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// Path traversal, plain, percent-encoded, backslashed and double-encoded.
for (const [prefix, lang] of PREFIXES) {
  for (const trail of ['/../../etc/passwd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/..%5c..%5cwindows%5cwin.ini', '/%2e%2e/%2e%2e/etc/passwd', '/....//....//etc/passwd', '/%252e%252e%252fetc%252fpasswd']) {
    add({ name: `traversal ${prefix}${trail}`, path: `${prefix}${trail}`, status: 404, lang, payload: 'root:' });
  }
}
add({ name: 'traversal below the assets', path: `${ASSET}/..%2f..%2f..%2fpackage.json`, status: 404, lang: 'en', payload: '"devDependencies"' });
add({ name: 'traversal to the source', path: '/assets/../src/app.ts', status: 404, lang: 'en', payload: 'createApp' });

// Overlong paths and query strings.
for (const [prefix, lang] of PREFIXES) {
  add({ name: `10 000-character path under ${prefix || '/'}`, path: `${prefix}/${LONG}`, status: 414, lang, payload: LONG });
  // "/" itself only redirects to a language (dropping the query), before any page is looked up.
  add({ name: `10 000-character query under ${prefix || '/'}`, path: `${prefix}/?q=${LONG}`, status: prefix ? 414 : 302, lang: prefix ? lang : undefined, payload: LONG });
}
add({ name: '5 000 path segments', path: `/de/positions/${'a/'.repeat(5000)}`, status: 414, lang: 'de' });
add({ name: '1 000 query parameters', path: `/ru/check/?${Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')}`, status: 414, lang: 'ru' });
add({ name: 'overlong unknown path, Accept-Language de', path: `/xx/${LONG}`, headers: { 'Accept-Language': 'de' }, status: 414, lang: 'de' });

// Broken percent-encoding.
for (const [prefix, lang] of PREFIXES) {
  for (const bad of ['%E0%A4%A', '%zz', '%', '%C0%AF', '%ff%fe']) add({ name: `broken encoding ${prefix}/${bad}`, path: `${prefix}/${bad}`, status: 400, lang });
}
add({ name: 'broken encoding, Accept-Language ru', path: '/%zz/', headers: { 'Accept-Language': 'ru' }, status: 400, lang: 'ru' });

// Null bytes.
for (const path of ['/en/%00', '/ru/positions/%00', '/de/about%00', '/%00', '/en/%00/../../etc/passwd', `/en/positions/${site.content.positions[0]!.id}%00.html`]) {
  add({ name: `null byte ${path}`, path, status: 404, lang: path.startsWith('/ru') ? 'ru' : path.startsWith('/de') ? 'de' : 'en' });
}

// Methods the site does not answer, on pages, the language redirect, assets, health check and unknown paths.
for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
  for (const [path, lang] of [['/en/', 'en'], ['/ru/positions/', 'ru'], ['/de/about', 'de'], ['/', 'en'], [ASSET, 'en'], ['/xx/', 'en'], ['/ru/check/', 'ru']]) {
    add({ name: `${method} ${path}`, method, path: path!, status: 405, lang });
  }
}

// Script payloads in the path, the query and the Accept-Language header.
for (const s of SCRIPTS) {
  const e = encodeURIComponent(s);
  add({ name: `script in path ${s}`, path: `/en/${e}`, status: 404, lang: 'en', payload: s });
  add({ name: `script in position path ${s}`, path: `/ru/positions/${e}`, status: 404, lang: 'ru', payload: s });
  add({ name: `script in a page's query ${s}`, path: `/de/?q=${e}`, status: 200, lang: 'de', payload: s });
  add({ name: `script in a finder answer ${s}`, path: `/en/check/?${q}=${e}`, status: 200, lang: 'en', payload: s });
  add({ name: `script in a sent finder answer ${s}`, path: `/ru/check/?asked=${q}&${q}=${e}`, status: 400, lang: 'ru', title: FINDER_ERROR, payload: s });
  add({ name: `script in the finder's hidden field ${s}`, path: `/de/check/?asked=${e}`, status: 400, lang: 'de', title: FINDER_ERROR, payload: s });
  add({ name: `script in Accept-Language on an unknown path ${s}`, path: '/xx/', headers: { 'Accept-Language': s }, status: 404, lang: 'en', payload: s });
  add({ name: `script before a real language in Accept-Language ${s}`, path: '/nope', headers: { 'Accept-Language': `${s}, de` }, status: 404, lang: 'de', payload: s });
  add({ name: `script in Referer and User-Agent ${s}`, path: '/en/about', headers: { Referer: s, 'User-Agent': s }, status: 200, lang: 'en', payload: s });
}

// Long and odd Accept-Language values.
const ACCEPT: [string, string, string][] = [
  ['7 KB of unknown languages, then ru', `${'xx;q=0.9, '.repeat(700)}ru;q=0.1`, 'ru'],
  ['7 KB of ru', 'ru,'.repeat(2400), 'ru'],
  ['junk separators', ';;;q=zz,,*', 'en'],
  ['a bad weight', '*;q=abc', 'en'],
  ['a negative weight', 'ru;q=-1', 'en'],
  ['a refused language', 'ru;q=0, de', 'de'],
  ['a private-use tag', 'de-DE-x-private', 'de'],
  ['upper case', 'RU', 'ru'],
  ['a non-ASCII byte', '\u00e9', 'en'],
  ['only a wildcard', '*', 'en'],
];
for (const [name, value, lang] of ACCEPT) {
  add({ name: `Accept-Language: ${name}, unknown path`, path: '/xx/', headers: { 'Accept-Language': value }, status: 404, lang });
  add({ name: `Accept-Language: ${name}, a page in another language`, path: '/de/sources', headers: { 'Accept-Language': value }, status: 200, lang: 'de' });
}

// Odd headers that must change nothing.
for (const [name, value] of [['If-None-Match', '"<script>"'], ['If-Modified-Since', 'yesterday'], ['Range', 'bytes=99999999-'], ['Cookie', 'a=<script>; b'], ['X-Forwarded-For', '::1, <svg>'], ['Accept', '*/*;q=<script>']] as const) {
  add({ name: `odd ${name}`, path: '/ru/about', headers: { [name]: value }, status: 200, lang: 'ru' });
}

// Repeated, nested and prototype-shaped parameters on the finder.
for (const [prefix, lang] of PREFIXES.slice(1)) {
  for (const query of ['a=1&a=2', 'a[b][c]=1', '__proto__[x]=1', '__proto__=x', 'constructor[prototype][x]=1', `${q}[]=x`, `${q}[]=${firstOption}`, `${q}=${firstOption}&${q}=${firstOption}`, `${q}[${firstOption}]=1`]) {
    add({ name: `finder ${prefix}/check/?${query}`, path: `${prefix}/check/?${query}`, status: 200, lang });
  }
  // Sent without one plain, known answer: the question again, with the error summary.
  for (const query of [`asked=${q}&${q}[]=${firstOption}`, `asked=${q}&${q}=__proto__`, `asked=${q}&${q}=constructor`, `asked=${q}&${q}=toString`, `asked=${q}&asked=${q}`]) {
    add({ name: `finder sent ${prefix}/check/?${query}`, path: `${prefix}/check/?${query}`, status: 400, lang, title: FINDER_ERROR });
  }
  // A bracketed name is not the form's field: a first visit to the question.
  add({ name: `finder ${prefix}/check/?asked[]=${q}`, path: `${prefix}/check/?asked[]=${q}`, status: 200, lang });
}

// Unknown languages: the answer is in Accept-Language's best language, else English. (A known language in
// capitals, /EN/, is forgiven with a 301: see forgiving.test.ts.)
for (const path of ['/xx/', '/ru-RU/', '/zz/check/', '/de-DE/sources']) {
  add({ name: `unknown language ${path}`, path, status: 404, lang: 'en' });
  add({ name: `unknown language ${path}, Accept-Language ru`, path, headers: { 'Accept-Language': 'ru-RU,ru;q=0.9' }, status: 404, lang: 'ru' });
  add({ name: `unknown language ${path}, Accept-Language de`, path, headers: { 'Accept-Language': 'fr, de;q=0.5' }, status: 404, lang: 'de' });
}

// The JSON API answers in JSON, never with an HTML page, and never echoes what it was sent either.
for (const s of SCRIPTS) {
  const e = encodeURIComponent(s);
  add({ name: `API: script as a position id ${s}`, path: `/api/v1/positions/${e}`, status: 404, json: true, payload: s });
  add({ name: `API: script as a language ${s}`, path: `/api/v1/positions?lang=${e}`, status: 404, json: true, payload: s });
}
add({ name: 'API: broken encoding', path: '/api/v1/%E0%A4%A', status: 400, json: true });
add({ name: 'API: traversal', path: '/api/v1/..%2f..%2fpackage.json', status: 404, json: true, payload: '"devDependencies"' });
add({ name: 'API: overlong address', path: `/api/v1/${LONG}`, status: 414, json: true, payload: LONG });
for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) add({ name: `API: ${method}`, method, path: '/api/v1/', status: 405, json: true });

/** The heading each error status shows. */
const ERROR_TITLE: Record<number, string> = { 400: 'errors.badRequestTitle', 404: 'errors.notFoundTitle', 405: 'errors.badRequestTitle', 414: 'errors.badRequestTitle' };

/** Markup that must never come back from what a request sent. */
const ACTIVE = /<script|<svg|onload\s*=|javascript:/i;

describe('hostile requests', () => {
  it('has at least 100 of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    let req = request(app)[(c.method ?? 'GET').toLowerCase() as 'get'](c.path);
    for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
    const res = await req;
    expect(res.status).toBeLessThan(500);
    expect(res.status).toBe(c.status);
    const body = res.text ?? '';
    expect(body).not.toMatch(ACTIVE);
    if (c.payload) {
      expect(body).not.toContain(c.payload);
      expect(String(res.headers.location ?? '')).not.toContain(c.payload);
    }
    expect(res.headers['set-cookie']).toBeUndefined();
    if (c.status === 405 && !c.json) expect(res.headers.allow).toBe('GET, HEAD');
    if (c.json) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(body)).toMatchObject({ error: { status: c.status } });
    }
    if (c.lang) {
      expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      expect(res.headers['content-language']).toBe(c.lang);
      expect(body).toContain(`<html lang="${c.lang}">`);
      expect(body).toContain(escaped(text(c.lang, 'ui', 'caveat.text')));
      const title = c.title ?? ERROR_TITLE[c.status];
      if (title) expect(body).toContain(escaped(text(c.lang, 'ui', title)));
    }
  });

  it('a finder form with one real answer still works after all that', async () => {
    const res = await request(app).get(`/en/check/?${q}=${firstOption}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(site.content.questions.length > 1 ? urls.checkQuestion('en', [firstOption]) : urls.checkOutcome('en', [firstOption]));
  });

  it('leaves the app healthy: no error logged, no prototype polluted, /en/ answers 200', async () => {
    expect(errors).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const res = await request(app).get('/en/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="en">');
  });
});

describe('a real server and a 20 KB header', () => {
  let server: Server;
  const listening = new Promise<number>((resolve) => {
    server = createServer(app).listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends raw bytes and returns everything the server answers until it closes the connection. */
  function raw(port: number, bytes: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
      let answer = '';
      socket.setEncoding('latin1');
      socket.on('data', (d: string) => (answer += d));
      socket.on('close', () => resolve(answer));
      socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(answer) : reject(e)));
      socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    });
  }

  it("is refused with Node's 431 and the server answers normally afterwards", async () => {
    const port = await listening;
    const answer = await raw(port, `GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(20 * 1024)}\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    const status = await new Promise<number>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/en/' }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject);
    });
    expect(status).toBe(200);
    expect(errors).toEqual([]);
  });
});
