import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { loadContentOrThrow } from '../../src/content/load.js';
import { printOfflineEditions } from '../../src/export/pdf.js';
import { offlineEdition } from '../../src/site/offline.js';
import { createSite } from '../../src/site/site.js';
import { formatSize } from '../../src/site/format.js';
import { startServer, type RunningServer } from './server.js';
import { axe, report } from './axe.js';
import { launchChromium, type Chromium } from './chromium.js';
import { pdfPageTexts, requirePoppler, squash } from './pdf.js';

/**
 * The offline edition as a reader gets it: a file forwarded in a messenger and opened from disk
 * (file://), with no connection. Each language's file, as src/site/offline.ts makes it and the
 * export writes it ({lang}/offline.html).
 */
const site = createSite(loadContentOrThrow(), testConfig({ baseUrl: 'https://guide.example.org' }));
const LANGS = site.content.langCodes;
const WIDTHS = [360, 1280];
let dir: string;
let browser: Chromium;
const fileUrl = (lang: string) => pathToFileURL(join(dir, lang, 'offline.html')).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'offline-edition-'));
  for (const lang of LANGS) {
    mkdirSync(join(dir, lang));
    writeFileSync(join(dir, lang, 'offline.html'), offlineEdition(site, lang).html);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(LANGS)('the offline edition in %s, opened from a file', (lang) => {
  it.each(WIDTHS)('has no axe violations at %i px, does not scroll sideways and asks for nothing from anywhere', async (width) => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(fileUrl(lang));
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      // the stylesheet inside the file is applied: the caveat has its bar at the left
      expect(await page.locator('#caveat').evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe('solid');
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${scrollWidth} px wide at ${width} px`).toBeLessThanOrEqual(width);
      expect(requests).toEqual([fileUrl(lang)]);
      const violations = await axe(page);
      expect(violations, report(`${lang} offline edition at ${width} px`, violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a tap on a situation in the list lands on what applies in it', async () => {
    const page = await browser.newPage();
    try {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(fileUrl(lang));
      const links = page.locator('#check .situation-links a');
      expect(await links.count()).toBe(site.model.outcomes.length);
      const last = site.model.outcomes.at(-1)!;
      await links.last().click();
      expect(new URL(page.url()).hash).toBe(`#sheet-${last.id}`);
      const target = page.locator(`#sheet-${last.id}`);
      const top = await target.evaluate((el) => el.getBoundingClientRect().top);
      expect(Math.abs(top), 'the situation is at the top of the screen').toBeLessThan(5);
      expect(await target.locator('h3').innerText()).toContain(site.t[lang]!(`finder:${last.asked[0]!.question.id}.options.${last.asked[0]!.answer}.label`).slice(0, 10));
      // and from there to a statement it names, inside the same file
      const statement = target.locator('.situation-list a').first();
      const href = await statement.getAttribute('href');
      await statement.click();
      expect(new URL(page.url()).hash).toBe(href);
      expect(await page.locator(href!).evaluate((el) => Math.abs(el.getBoundingClientRect().top))).toBeLessThan(5);
    } finally {
      await page.close();
    }
  });
});

describe('npm run export -- --pdf', () => {
  it('prints each edition to an A4 PDF with the caveat and every statement in its text', async () => {
    requirePoppler();
    const result = await printOfflineEditions(dir, LANGS);
    expect(result).toEqual({ written: LANGS.map((lang) => join(dir, lang, 'offline.pdf')) });
    for (const lang of LANGS) {
      const text = squash(pdfPageTexts(join(dir, lang, 'offline.pdf')).join(''));
      const t = site.t[lang]!;
      expect(text, `${lang}: caveat`).toContain(squash(t('ui:caveat.text')));
      for (const p of site.content.positions) expect(text, `${lang}: ${p.id}`).toContain(squash(t(`positions:${p.id}.title`)));
    }
  });
});

describe.each(LANGS)('the offline edition in %s at 360 × 740 (issue #23)', (lang) => {
  const SCREEN = { width: 360, height: 740 };
  const t = (key: string) => site.t[lang]!(key);

  it('the safety advice and the list of situations are within the first two screens; every section ends with a way back to the contents', async () => {
    const page = await browser.newPage();
    try {
      await page.setViewportSize(SCREEN);
      await page.goto(fileUrl(lang));
      const top = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      const bottom = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
      expect(await page.locator('#safety').innerText()).toContain(t('ui:offline.safetyText'));
      expect(await bottom('#safety')).toBeLessThanOrEqual(2 * SCREEN.height);
      expect(await top('#check .situation-links')).toBeLessThanOrEqual(2 * SCREEN.height);
      // every top-level section, every situation and every statement's sheet: its last link leads back to the contents
      const sections = page.locator('main > section');
      expect(await sections.count()).toBeGreaterThan(5);
      for (const section of await sections.all()) {
        const id = await section.getAttribute('id');
        expect(await section.locator(':scope > .to-contents:last-child a[href="#contents"]').count(), `#${id}`).toBe(1);
      }
      const backLinks = await page.locator('.to-contents a[href="#contents"]').count();
      expect(backLinks).toBeGreaterThanOrEqual(site.content.positions.length + site.model.outcomes.length);
      // a back link works: it scrolls to the contents
      await page.locator('#positions > .to-contents:last-child a').click();
      expect(new URL(page.url()).hash).toBe('#contents');
      expect(await page.locator('#contents').evaluate((el) => Math.abs(el.getBoundingClientRect().top))).toBeLessThan(5);
    } finally {
      await page.close();
    }
  });
});

describe('the offline edition\'s address, as a chat or a hand leaves it', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(LANGS)('%s: with ".", ")", "/", capitals or without ".html" it answers 301 to the file; every page\'s footer names the file and its size', async (lang) => {
    const file = `/${lang}/offline.html`;
    for (const variant of [`/${lang}/offline`, `${file}.`, `${file})`, `${file}/`, file.toUpperCase(), `/${lang}/Offline.html`]) {
      const res = await fetch(`${server.baseUrl}${variant}`, { redirect: 'manual' });
      expect(res.status, variant).toBe(301);
      expect(res.headers.get('location'), variant).toBe(file);
    }
    expect((await fetch(`${server.baseUrl}${file}`)).status).toBe(200);
    const page = await browser.newPage();
    try {
      await page.setViewportSize({ width: 360, height: 740 });
      const size = Buffer.byteLength(offlineEdition(server.site, lang).html);
      for (const path of [`/${lang}/`, `/${lang}/about`, `/${lang}/check/in-russia/deserter`]) {
        await page.goto(`${server.baseUrl}${path}`);
        const line = page.locator(`footer a[href="${file}"]`);
        expect(await line.count(), path).toBe(1);
        const text = await line.innerText();
        expect(text, path).toContain(formatSize(lang, size));
      }
    } finally {
      await page.close();
    }
  });
});
