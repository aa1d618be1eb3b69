import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite, localAddressLeaks, type ExportSummary } from '../../src/export/export.js';
import { prepareFolder, writeFiles } from '../../src/export/folder.js';
import { API_ROOT, apiFile, apiLinks } from '../../src/export/served.js';
import { pageTable } from '../../src/site/pages/index.js';
import { exportFile, urls } from '../../src/site/urls.js';
import { LANGS, makeApp } from '../helpers.js';
import { crawl } from '../crawl.js';
import { diskFetcher, serveFolder } from './staticHost.js';

const BASE_URL = 'https://mirror.example';

/** Every file below a folder, as paths relative to it with forward slashes. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const { site, app } = makeApp({ baseUrl: BASE_URL });
const table = [...pageTable(site).keys()];
let dir: string;
let summary: ExportSummary;
const temp: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'export-'));
  temp.push(dir);
  summary = await exportSite(site, join(dir, 'site'));
  dir = join(dir, 'site');
  console.log(
    `static export of the whole site: ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(2)} MB in ${(summary.ms / 1000).toFixed(2)} s` +
      ` (${table.length} pages in ${LANGS.length} languages)`,
  );
}, 60_000);
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every page of the page table, as the address of its file on a host that serves the folder at `prefix`. */
const everyPage = (prefix: string) => table.map((p) => `${prefix}${exportFile(p)}`);

/** The crawl (test/crawl.ts, the same as for the server) must find no problem and reach every page of every language. */
function expectWholeSite(result: Awaited<ReturnType<typeof crawl>>, prefix: string) {
  expect(result.problems).toEqual([]);
  const reached = new Set(result.htmlPages);
  expect(everyPage(prefix).filter((p) => !reached.has(p))).toEqual([]);
}

describe('the static export', () => {
  it('writes every page of every language to folder/index.html, with relative links only', () => {
    const files = new Set(filesIn(dir));
    expect(summary.files).toBe(files.size);
    for (const path of table) {
      const file = exportFile(path);
      expect(files.has(file), file).toBe(true);
      const html = readFileSync(join(dir, file), 'utf8');
      const lang = path.split('/')[1];
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain('id="caveat"');
      // no root-absolute link: they would break under a sub-path and from disk
      expect(html.match(/\s(?:href|src|action)="\/[^"]*"/g), file).toBeNull();
      // a finder question offers its answers as links: no server could answer its form
      if (/^\/[^/]+\/check\/(.+\/)?$/.test(path)) expect(html, file).toMatch(/<h1 id="h-question">[^<]+<\/h1>\s*<ul class="option-links">/);
    }
    for (const lang of LANGS) expect(files.has(`${lang}/404.html`)).toBe(true);
    expect(summary.missing, 'documents the server links to but does not serve').toEqual([]);
    for (const f of ['index.html', '404.html', ...[...site.assets.values()].map((a) => a.href.slice(1))]) expect(files.has(f), f).toBe(true);
  });

  it('serves the whole site from a plain static host: every page in every language, every link and #anchor resolves', async () => {
    const host = await serveFolder(dir);
    try {
      const start = ['/index.html', '/404.html', ...LANGS.map((l) => `/${l}/404.html`), '/en/index.html'];
      expectWholeSite(await crawl(host.origin, start), '/');
    } finally {
      await host.close();
    }
  }, 60_000);

  it('works under a sub-path (/mirror/) just the same', async () => {
    const host = await serveFolder(dir, '/mirror/');
    try {
      expectWholeSite(await crawl(host.origin, ['/mirror/en/index.html']), '/mirror/');
    } finally {
      await host.close();
    }
  }, 60_000);

  it('works from disk (file://), e.g. from a USB stick', async () => {
    expectWholeSite(await crawl(diskFetcher(dir), ['/index.html']), '/');
  }, 60_000);

  it('has no form: a static host cannot answer one, so the finder offers its answers as links', () => {
    const withForm = filesIn(dir).filter((f) => f.endsWith('.html') && /<form[\s>]/i.test(readFileSync(join(dir, f), 'utf8')));
    expect(withForm).toEqual([]);
  });

  it('lets the reader choose a language at the root, with the caveat, in plain HTML', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('id="caveat"');
    expect(html).not.toMatch(/<script/i);
    for (const lang of LANGS) expect(html).toMatch(new RegExp(`href="${lang}/index.html"[^>]*hreflang="${lang}"|<span aria-current="true" lang="${lang}">`));
  });

  it('mentions only the public address given, never this machine (no localhost, no 127.0.0.1)', () => {
    for (const file of filesIn(dir)) {
      const body = readFileSync(join(dir, file), 'latin1');
      expect(body, file).not.toMatch(/localhost|127\.0\.0\.1/);
    }
    const home = readFileSync(join(dir, exportFile('/ru/')), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${BASE_URL}/ru/">`);
  });

  it('holds sitemap.xml, robots.txt and every JSON API document exactly as the server sends them', async () => {
    const sameAsServer = async (path: string, file: string) => {
      const res = await request(app).get(path).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      if (res.status !== 200) return undefined;
      expect(readFileSync(join(dir, file)).equals(res.body as Buffer), file).toBe(true);
      return res.body as Buffer;
    };
    await sameAsServer('/sitemap.xml', 'sitemap.xml');
    await sameAsServer('/robots.txt', 'robots.txt');
    for (const lang of LANGS) {
      expect(await sameAsServer(urls.feed(lang), `${lang}/updates.xml`), `${lang} feed`).toBeDefined();
      for (const page of [urls.timeline(lang), urls.updates(lang), urls.glossary(lang)]) expect(existsSync(join(dir, exportFile(page))), page).toBe(true);
    }
    const queue = [API_ROOT];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const path = queue.shift()!;
      const body = await sameAsServer(path, apiFile(path));
      if (!body) continue;
      for (const link of apiLinks(JSON.parse(body.toString('utf8')), BASE_URL)) if (!seen.has(link) && seen.add(link)) queue.push(link);
    }
  }, 60_000);

  it('finds a leak of this machine\'s address in any file', () => {
    const files = [
      { file: 'a.html', body: '<a href="http://localhost:3000/en/">' },
      { file: 'b.json', body: Buffer.from('{"url":"http://127.0.0.1:8080/api/v1/"}') },
      { file: 'c.html', body: `<a href="${BASE_URL}/en/">` },
    ];
    expect(localAddressLeaks(files)).toEqual(['a.html', 'b.json']);
  });

  it('names API files so that static hosts send them as JSON', () => {
    expect(apiFile('/api/v1/')).toBe('api/v1/index.json');
    expect(apiFile('/api/v1/positions')).toBe('api/v1/positions.json');
    expect(apiFile('/api/v1/positions/')).toBe('api/v1/positions/index.json');
    expect(apiFile('/api/v1/openapi.json')).toBe('api/v1/openapi.json');
    expect(apiFile('/api/v1/positions?lang=ru')).toBe('api/v1/positions.ru.json');
    expect(apiFile('/api/v1/outcomes/in-russia/deserter?lang=de')).toBe('api/v1/outcomes/in-russia/deserter.de.json');
    expect(apiFile('/api/v1/?lang=ru')).toBe('api/v1/index.ru.json');
    for (const address of ['/api/v1/positions?page=2', '/api/v1/positions?lang=ru&lang=de', '/api/v1/positions?lang=../x']) {
      expect(() => apiFile(address), address).toThrow(/cannot be a static file/);
    }
  });
});

describe('the export folder', () => {
  const names = new Set(['index.html', '404.html', 'assets', 'en']);

  it('replaces a previous export completely (nothing stale stays behind)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'export-again-'));
    temp.push(out);
    mkdirSync(join(out, 'en'));
    writeFileSync(join(out, 'index.html'), readFileSync(join(dir, 'index.html')));
    writeFileSync(join(out, 'en', 'stale.html'), 'a page the site no longer has');
    await prepareFolder(out, names);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a folder that holds anything else, and deletes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'export-foreign-'));
    temp.push(out);
    mkdirSync(join(out, 'en'));
    writeFileSync(join(out, 'index.html'), '<p>my own site</p>');
    await expect(prepareFolder(out, names)).rejects.toThrow(/not empty and is not a previous export/);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await expect(exportSite(site, out)).rejects.toThrow(/not empty and is not a previous export \(it holds en, index.html, notes.txt\)/);
    expect(filesIn(out)).toEqual(['index.html', 'notes.txt']);
    expect(existsSync(join(out, 'en'))).toBe(true);
  }, 60_000);

  it('never writes outside the folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'export-escape-'));
    temp.push(out);
    for (const file of ['../escaped.html', '/etc/escaped.html', '', 'en/../../escaped.html']) {
      await expect(writeFiles(join(out, 'site'), [{ file, body: 'x' }]), file).rejects.toThrow(/outside the export folder/);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('uses a new folder, creating its parents', async () => {
    const out = mkdtempSync(join(tmpdir(), 'export-new-'));
    temp.push(out);
    await prepareFolder(join(out, 'a', 'b'), names);
    expect(existsSync(join(out, 'a', 'b'))).toBe(true);
  });
});
