import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { sitemapEntries } from '../../src/http/seo.js';
import { pageTable } from '../../src/site/pages/index.js';
import { LANGS, escaped, makeApp, text } from '../helpers.js';

const { app, site } = makeApp();
const table = pageTable(site);
const base = site.config.baseUrl;
const SOURCE = site.content.sourceLang;

/** The address of the same page in another language: only the first segment changes. */
const inLang = (path: string, lang: string) => `/${lang}${path.slice(path.indexOf('/', 1))}`;
const langOf = (path: string) => path.split('/')[1] ?? '';

/** The pages search engines may list: every page of the page table not marked noindex. */
const indexable = [...table].filter(([, build]) => !build().noindex).map(([path]) => path);

/** The content="" of every <meta property="{property}">. */
function meta(html: string, property: string): string[] {
  return [...html.matchAll(new RegExp(`<meta property="${property}" content="([^"]*)">`, 'g'))].map((m) => m[1] ?? '');
}

describe('/sitemap.xml', () => {
  it('lists every HTML page of every language once, with its alternates and x-default', async () => {
    const res = await request(app).get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const xml = res.text;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')).toBe(true);
    expect(xml.trimEnd().endsWith('</urlset>')).toBe(true);
    const blocks = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBe(indexable.length);
    // nothing outside the <url> blocks but the frame
    expect(xml.replace(/<url>[\s\S]*?<\/url>/g, '').replace(/\s+/g, '')).toBe('<?xmlversion="1.0"encoding="UTF-8"?><urlsetxmlns="http://www.sitemaps.org/schemas/sitemap/0.9"xmlns:xhtml="http://www.w3.org/1999/xhtml"></urlset>');
    const locs: string[] = [];
    for (const block of blocks) {
      const loc = [...block.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
      expect(loc).toHaveLength(1);
      const url = loc[0]!;
      locs.push(url);
      expect(url.startsWith(`${base}/`)).toBe(true);
      const path = url.slice(base.length);
      const alternates = [...block.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
      expect(alternates).toEqual([...LANGS.map((l) => [l, `${base}${inLang(path, l)}`]), ['x-default', `${base}${inLang(path, SOURCE)}`]]);
    }
    expect(new Set(locs).size).toBe(locs.length);
    expect(new Set(locs)).toEqual(new Set(indexable.map((p) => `${base}${p}`)));
  });

  it('lists the page table as it is, without building it: no page of the table is noindex or an error', () => {
    // pages marked noindex (the error pages) are made outside the table; the sitemap relies on that
    for (const [path, build] of table) {
      const page = build();
      expect(page.noindex, path).toBeFalsy();
      expect(page.status ?? 200, path).toBe(200);
      expect(page.path, path).toBe(path);
    }
    expect(sitemapEntries(site, table).map((e) => e.url)).toEqual([...table.keys()].map((p) => `${base}${p}`));
  });

  it('uses the public address from BASE_URL', async () => {
    const other = makeApp({ baseUrl: 'https://example.org/mirror' });
    const res = await request(other.app).get('/sitemap.xml');
    const locs = [...res.text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(locs.length).toBe(indexable.length);
    for (const loc of locs) expect(loc.startsWith('https://example.org/mirror/')).toBe(true);
    expect(res.text).not.toContain('localhost');
  });

  it('answers a conditional GET with 304', async () => {
    const first = await request(app).get('/sitemap.xml');
    const again = await request(app).get('/sitemap.xml').set('If-None-Match', first.headers['etag']!);
    expect(again.status).toBe(304);
  });
});

describe('/robots.txt', () => {
  it('allows everything and points to the sitemap', async () => {
    const res = await request(app).get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text.split('\n')).toEqual(['User-agent: *', 'Allow: /', '', `Sitemap: ${base}/sitemap.xml`, '']);
    const other = await request(makeApp({ baseUrl: 'https://example.org' }).app).get('/robots.txt');
    expect(other.text).toContain('Sitemap: https://example.org/sitemap.xml');
  });
});

describe('every page: language alternates, one canonical, Open Graph', () => {
  // The og:locale of each language, as its home page states it; every page must agree.
  const ogLocales = new Map<string, string>();

  it.each([...table.keys()])('%s', async (path) => {
    const lang = langOf(path);
    const page = table.get(path)!();
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain(`<html lang="${lang}">`);
    // one canonical: the page's own full address
    const canonical = [...html.matchAll(/<link rel="canonical" href="([^"]*)">/g)].map((m) => m[1]);
    expect(canonical).toEqual([`${base}${path}`]);
    expect(html.match(/rel="canonical"/g)).toHaveLength(1);
    // alternates: every language plus x-default, each a page that exists
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(alternates).toEqual([...LANGS.map((l) => [l, `${base}${inLang(path, l)}`]), ['x-default', `${base}${inLang(path, SOURCE)}`]]);
    for (const [, href] of alternates) expect(table.has(href!.slice(base.length)), href).toBe(true);
    // Open Graph, in the page's language
    expect(meta(html, 'og:type')).toEqual(['website']);
    expect(meta(html, 'og:site_name')).toEqual([escaped(text(lang, 'ui', 'site.title'))]);
    expect(meta(html, 'og:title')).toEqual([escaped(page.title)]);
    expect(meta(html, 'og:description')).toEqual([escaped(page.description)]);
    expect(meta(html, 'og:url')).toEqual([`${base}${path}`]);
    const [locale] = meta(html, 'og:locale');
    expect(meta(html, 'og:locale')).toHaveLength(1);
    expect(locale).toMatch(new RegExp(`^${lang}_[A-Z]{2}$`));
    if (!ogLocales.has(lang)) ogLocales.set(lang, locale!);
    expect(locale).toBe(ogLocales.get(lang));
    const others = meta(html, 'og:locale:alternate');
    expect(others).toHaveLength(LANGS.length - 1);
    expect(others.map((o) => o.split('_')[0])).toEqual(LANGS.filter((l) => l !== lang));
    for (const o of others) expect(o).toMatch(/^[a-z]{2,3}_[A-Z]{2}$/);
  });

  it('names each language by the same og:locale everywhere', async () => {
    for (const lang of LANGS) {
      const res = await request(app).get(`/${lang}/`);
      const own = meta(res.text, 'og:locale')[0];
      for (const other of LANGS.filter((l) => l !== lang)) {
        const theirs = await request(app).get(`/${other}/`);
        expect(meta(theirs.text, 'og:locale:alternate')).toContain(own);
      }
    }
  });
});
