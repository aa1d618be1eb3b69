import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text } from '../helpers.js';

const { app, site, errors } = makeApp();
const positions = site.content.positions;

/** The content pages of every language: home, all positions, each position, sources, about. */
const pages = LANGS.flatMap((lang) => [
  urls.home(lang),
  urls.positions(lang),
  ...positions.map((p) => urls.position(lang, p.id)),
  urls.sources(lang),
  urls.about(lang),
]);

function langOf(path: string): string {
  return path.split('/')[1] ?? '';
}

describe('every content page in every language', () => {
  it.each(pages)('%s', async (path) => {
    const lang = langOf(path);
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['content-language']).toBe(lang);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['etag']).toBeTruthy();
    // the caveat, in this language, before the main content
    const caveat = res.text.indexOf('id="caveat"');
    expect(caveat).toBeGreaterThan(0);
    expect(caveat).toBeLessThan(res.text.indexOf('<main'));
    expect(res.text).toContain(escaped(text(lang, 'ui', 'caveat.text')));
    // alternates for every language plus x-default, and exactly one canonical link
    for (const other of LANGS) expect(res.text).toContain(`hreflang="${other}" href="${site.config.baseUrl}/${other}${path.slice(lang.length + 1)}"`);
    expect(res.text).toContain('hreflang="x-default"');
    expect(res.text.match(/rel="canonical"/g)).toHaveLength(1);
    // nothing is loaded from another host
    expect(res.text).not.toMatch(/<(img|iframe|source|video|audio)[^>]+src="(https?:)?\/\//);
    for (const m of res.text.matchAll(/<link ([^>]+)>/g)) {
      if (!/rel="(alternate|canonical)"/.test(m[1] ?? '')) expect(m[1]).toMatch(/href="\/[^/]/);
    }
    expect(res.text).not.toMatch(/<script/i);
  });

  it('asks for no missing translation key', async () => {
    for (const path of pages) await request(app).get(path);
    expect([...site.missingKeys]).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('position pages', () => {
  it.each(LANGS.flatMap((lang) => positions.map((p) => [lang, p.id] as const)))('%s %s shows its sources, dates and texts', async (lang, id) => {
    const p = site.model.positionById.get(id)!;
    const res = await request(app).get(urls.position(lang, id));
    expect(res.text).toContain('id="sources"');
    for (const ref of p.sources) {
      const source = site.model.sourceById.get(ref.source)!;
      expect(res.text).toContain(escaped(source.url));
      if (ref.quote) expect(res.text).toContain(escaped(ref.quote));
    }
    for (const anchor of ['what-it-means', 'what-it-does-not-mean', 'next-steps', 'sources']) expect(res.text).toContain(`id="${anchor}"`);
    expect(res.text).toContain(escaped(text(lang, 'positions', `${id}.title`)));
    expect(res.text).toContain(escaped(text(lang, `ui`, `kinds.${p.kind}.label`)));
    if (p.reportDiffers) expect(res.text).toContain(escaped(text(lang, 'positions', `${id}.primarySays`)));
  });
});

describe('language negotiation at /', () => {
  it.each([
    ['ru-RU,ru;q=0.9,en;q=0.8', '/ru/'],
    ['de', '/de/'],
    ['en-US', '/en/'],
    ['fr-FR, de;q=0.5', '/de/'],
    ['*', '/en/'],
    ['ru;q=0, de;q=0', '/en/'],
    ['ü¿junk;;;q=abc', '/en/'],
    ['', '/en/'],
  ])('Accept-Language "%s" → %s', async (header, target) => {
    const res = await request(app).get('/').set('Accept-Language', header);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(target);
    expect(res.headers.vary).toMatch(/Accept-Language/);
  });

  it('without Accept-Language → /en/', async () => {
    const res = await request(app).get('/');
    expect(res.headers.location).toBe('/en/');
  });
});

describe('bad input gets a 4xx page in the best language', () => {
  it.each([
    ['/xx/', 'en', 404, ''],
    ['/ru/no-such-page', 'ru', 404, ''],
    ['/de/positions/no-such-position', 'de', 404, ''],
    ['/nowhere', 'ru', 404, 'ru'],
    ['/ru/%E0%A4%A', 'ru', 400, ''],
    ['/%zz', 'de', 400, 'de'],
    [`/en/${'a'.repeat(3000)}`, 'en', 414, ''],
  ] as const)('%s → %i in %s', async (path, lang, status, accept) => {
    const res = await request(app).get(path).set('Accept-Language', accept);
    expect(res.status).toBe(status);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.text).toContain(escaped(text(lang, 'ui', 'caveat.text')));
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('never echoes a script payload unescaped', async () => {
    const res = await request(app).get('/en/<script>alert(1)</script>');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<script>alert(1)</script>');
  });

  it('answers 405 in the reader language to other methods', async () => {
    const res = await request(app).post('/ru/').send('x=1');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.text).toContain('<html lang="ru">');
  });

  it('redirects near-miss addresses to the page', async () => {
    expect((await request(app).get('/ru')).headers.location).toBe('/ru/');
    expect((await request(app).get('/de/positions')).headers.location).toBe('/de/positions/');
    expect((await request(app).get('/en/about/')).headers.location).toBe('/en/about');
  });

  it('answers 304 to a matching validator', async () => {
    const first = await request(app).get('/en/about');
    const again = await request(app).get('/en/about').set('If-None-Match', first.headers.etag as string);
    expect(again.status).toBe(304);
  });
});

describe('static files', () => {
  it('serves the stylesheet under a hashed name with a long cache lifetime', async () => {
    const home = await request(app).get('/en/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.text)?.[1];
    expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    const css = await request(app).get(href!);
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.headers['content-type']).toMatch(/text\/css/);
  });

  it('compresses pages for clients that accept gzip', async () => {
    const res = await request(app).get('/ru/positions/deserters-protection').set('Accept-Encoding', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});

describe('health', () => {
  it('answers ok', async () => {
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok');
  });
});
