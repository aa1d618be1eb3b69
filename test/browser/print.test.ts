import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position } from '../../src/content/schema.js';
import { ROOT } from '../../src/paths.js';
import { formatDate, formatNumber } from '../../src/site/format.js';
import { launchChromium, type Chromium } from './chromium.js';
import { colouredPixels, pdfPageCount, pdfPageTexts, pdfWords, readQrCode, requirePoppler, squash } from './pdf.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Prints information sheets to A4 PDFs in a real Chromium and reads the paper back: every sheet
 * fits one or two pages, carries the caveat and every source address, and its QR code leads to
 * the live page. Every sheet of every language is printed; the text and QR checks run on a
 * sample (the longest sheets and a few more). The PDFs stay in test/artifacts/ for people to look at.
 */
const OUT = join(ROOT, 'test/artifacts', 'print');

let server: RunningServer;
let chromium: Chromium;
let page: Page;

beforeAll(async () => {
  requirePoppler();
  mkdirSync(OUT, { recursive: true });
  chromium = await launchChromium();
  server = await startServer();
  page = await chromium.newPage();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function printPdf(path: string, name: string): Promise<string> {
  const res = await page.goto(`${server.baseUrl}${path}`);
  expect(res?.status(), path).toBe(200);
  const file = join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: false });
  return file;
}

interface Sheet {
  id: string;
  shows: Position[];
  livePath: (lang: string) => string;
}

function sheets(): Sheet[] {
  const { content, model } = server.site;
  return [
    ...content.positions.map((p) => ({ id: p.id, shows: [p], livePath: (lang: string) => `/${lang}/positions/${p.id}` })),
    ...model.outcomes.map((o) => ({
      id: o.id,
      shows: [...o.statements, ...o.afterwards],
      livePath: (lang: string) => `/${lang}/check/${o.path}`,
    })),
  ];
}

function sourceUrls(positions: Position[]): string[] {
  const { model } = server.site;
  const ids = new Set(positions.flatMap((p) => [...p.sources.map((s) => s.source), ...(p.reportedIn ? [p.reportedIn] : [])]));
  return [...ids].map((id) => model.sourceById.get(id)!.url);
}

/** How much a sheet has to say in a language: its positions' texts and its sources. */
function size(sheet: Sheet, lang: string): number {
  const texts = server.site.content.locales.resources[lang] as Record<string, Record<string, unknown>>;
  const words = sheet.shows.map((p) => JSON.stringify(sheet.shows.length === 1 ? texts.positions?.[p.id] : [p.id]).length);
  return words.reduce((a, b) => a + b, 0) + sourceUrls(sheet.shows).join('').length;
}

/** Per language: the longest position, two more, the two biggest situations. */
function sample(lang: string): Sheet[] {
  const all = sheets();
  const bySize = (list: Sheet[]) => [...list].sort((a, b) => size(b, lang) - size(a, lang));
  const positions = bySize(all.filter((s) => s.shows.length === 1 && server.site.model.positionById.has(s.id)));
  const outcomes = all.filter((s) => server.site.model.outcomeById.has(s.id));
  const biggest = [...outcomes].sort((a, b) => b.shows.length + sourceUrls(b.shows).length - (a.shows.length + sourceUrls(a.shows).length));
  return [positions[0]!, positions[Math.floor(positions.length / 2)]!, positions.at(-1)!, biggest[0]!, outcomes[0]!];
}

/** "Information as of DATE, printed from ADDRESS", as the sheet should print it. */
function printedFrom(lang: string, sheet: Sheet): string {
  const date = sheet.shows.map((p) => p.reviewedOn).sort().at(-1) ?? server.site.model.lastReviewed;
  return server.site.t[lang]!('ui:sheets.asOf', { date: formatDate(lang, date), url: `${server.baseUrl}${sheet.livePath(lang)}` });
}

function checkText(file: string, lang: string, sheet: Sheet): void {
  const t = server.site.t[lang]!;
  const text = squash(pdfPageTexts(file).join(''));
  expect(text, `${file}: caveat`).toContain(squash(t('ui:caveat.text')));
  for (const url of sourceUrls(sheet.shows)) expect(text, `${file}: source ${url}`).toContain(squash(url));
  expect(text, `${file}: printed-from address`).toContain(squash(printedFrom(lang, sheet)));
  expect(text, `${file}: the offline edition's address`).toContain(squash(t('ui:offline.sheetLine', { url: `${server.baseUrl}/${lang}/offline.html` })));
}

/**
 * Font size from a word's box: pdftotext gives the box of the font's ascent and descent, which for
 * DejaVu Sans (the font CI installs, and Chromium's fallback there) is 1.164 times the font size.
 */
const BOX_PER_POINT = 1.1637;
const BODY_MIN_PT = 10;
const ADDRESS_MIN_PT = 8;

/**
 * The text allowed below 10 pt on a sheet: its source entries (publisher, headline, dates, address),
 * the help organisations' addresses and the printed addresses of this site's own pages.
 */
async function smallPrint(): Promise<string> {
  return squash(await page.evaluate(() => [...document.querySelectorAll('.sources li, .help .url, .sheet-address')].map((e) => e.textContent ?? '').join(' ')));
}

describe('printed information sheets (A4, Chromium)', () => {
  it('fits every sheet of every language on one or two pages, body text at least 10 pt, sources and addresses at least 8 pt', async () => {
    const counts: Record<string, Record<number, number>> = {};
    const smallest: Record<string, { body: number; address: number }> = {};
    for (const lang of server.site.content.langCodes) {
      counts[lang] = {};
      smallest[lang] = { body: 99, address: 99 };
      for (const sheet of sheets()) {
        const file = await printPdf(`/${lang}/sheets/${sheet.id}`, `${lang}-${sheet.id}`);
        const pages = pdfPageCount(file);
        counts[lang][pages] = (counts[lang][pages] ?? 0) + 1;
        // soft: one run reports every sheet that does not fit
        expect.soft(pages, `${lang} ${sheet.id}`).toBeLessThanOrEqual(2);
        // every page: the sheet's title and date at the top, "page / pages" at the bottom; a situation's sheet opens with "In short"
        const texts = pdfPageTexts(file).map(squash);
        const running = squash(await page.locator('.sheet-running').textContent() ?? '');
        expect(running.length).toBeGreaterThan(10);
        texts.forEach((text, i) => {
          expect.soft(text, `${lang} ${sheet.id} page ${i + 1}: page number`).toContain(`${i + 1}/${texts.length}`);
          expect.soft(text, `${lang} ${sheet.id} page ${i + 1}: title and date`).toContain(running.slice(0, 20));
        });
        if (!server.site.model.positionById.has(sheet.id)) {
          const first = server.site.model.outcomeById.get(sheet.id)!;
          const inShortTitle = squash(server.site.t[lang]!('ui:check.inShortTitle', { date: '' })).slice(0, 6);
          expect.soft(texts[0]!.indexOf(inShortTitle), `${lang} ${sheet.id}: "In short"`).toBeGreaterThan(-1);
          expect.soft(texts[0], `${lang} ${sheet.id}: its first line`).toContain(squash(server.site.t[lang]!(`finder:${first.asked.at(-1)!.question.askIf ? first.asked.at(-1)!.question.id : first.asked[0]!.question.id}.options.${first.asked.at(-1)!.question.askIf ? first.asked.at(-1)!.answer : first.asked[0]!.answer}.short`)).slice(0, 30));
        }
        const allowed = await smallPrint();
        for (const w of pdfWords(file)) {
          const pt = w.height / BOX_PER_POINT;
          const isAddressLine = allowed.includes(squash(w.text));
          const min = isAddressLine ? ADDRESS_MIN_PT : BODY_MIN_PT;
          const kind = isAddressLine ? 'address' : 'body';
          smallest[lang][kind] = Math.min(smallest[lang][kind], pt);
          expect(pt, `${lang} ${sheet.id}: "${w.text}" is ${pt.toFixed(2)} pt`).toBeGreaterThanOrEqual(min - 0.05);
        }
      }
    }
    console.log('pages per sheet (pages: sheets):', JSON.stringify(counts), 'smallest pt:', JSON.stringify(smallest));
  });

  it('never breaks a printed address next to a hyphen', async () => {
    for (const lang of server.site.content.langCodes) {
      const sheet = sheets().find((s) => s.id === 'deserters-protection')!;
      const file = await printPdf(`/${lang}/sheets/${sheet.id}`, `${lang}-${sheet.id}`);
      const lines = pdfPageTexts(file).join('\n').split('\n');
      const urls = sourceUrls(sheet.shows);
      for (const line of lines) {
        const end = line.trimEnd();
        // a line that ends with "-" and whose text continues an address on the next line
        if (end.endsWith('-') && urls.some((u) => squash(u).includes(squash(end.split(/\s+/).pop()!)))) {
          throw new Error(`${lang}: an address breaks after a hyphen: "${end}"`);
        }
      }
    }
  });

  it('prints the caveat, every source address and a QR code of the live address on a sample in every language', async () => {
    for (const lang of server.site.content.langCodes) {
      for (const sheet of sample(lang)) {
        const file = await printPdf(`/${lang}/sheets/${sheet.id}`, `${lang}-${sheet.id}`);
        checkText(file, lang, sheet);
        const live = `${server.baseUrl}${sheet.livePath(lang)}`;
        expect(readQrCode(file), `${file}: QR code on page 1`).toBe(live);
        expect((await fetch(live)).status, live).toBe(200);
      }
    }
  });

  it('prints the set of all sheets with each sheet starting on a new page', async () => {
    const lang = 'ru';
    const all = sheets();
    const file = await printPdf(`/${lang}/sheets/`, `${lang}-all-sheets`);
    const pages = pdfPageTexts(file).map(squash);
    expect(pages.length).toBeGreaterThanOrEqual(all.length);
    expect(pages.length).toBeLessThanOrEqual(all.length * 2);
    // The page each sheet starts on: the one with its "printed from" line; one sheet per page.
    const starts = all.map((sheet) => pages.findIndex((p) => p.includes(squash(printedFrom(lang, sheet)))));
    expect(starts.every((s) => s >= 0)).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(all.length);
    [...starts, pages.length].reduce((a, b) => {
      expect(b - a).toBeLessThanOrEqual(2);
      return b;
    });
    const caveat = squash(server.site.t[lang]!('ui:caveat.text'));
    for (const s of starts) expect(pages[s], `page ${s + 1}: caveat`).toContain(caveat);
    for (const sheet of all) for (const url of sourceUrls(sheet.shows)) expect(pages.join(''), url).toContain(squash(url));
    expect(readQrCode(file)).toBe(`${server.baseUrl}${all[0]!.livePath(lang)}`);
  });

  it('prints ordinary pages and sheets in black and white, without the site navigation', async () => {
    for (const lang of server.site.content.langCodes) {
      const t = server.site.t[lang]!;
      for (const path of [`/${lang}/positions/deserters-protection`, `/${lang}/sheets/deserters-protection`, `/${lang}/`]) {
        const file = await printPdf(path, `${lang}-page-${path.split('/').filter(Boolean).slice(1).join('-') || 'home'}`);
        const text = squash(pdfPageTexts(file).join(''));
        expect(text, `${path}: caveat`).toContain(squash(t('ui:caveat.text')));
        for (const key of ['ui:site.skipLink', 'ui:site.leaveQuickly']) expect(text, `${path}: ${key}`).not.toContain(squash(t(key)));
        expect(text, `${path}: menu`).not.toContain(squash(['ui:nav.home', 'ui:nav.check'].map((k) => t(k)).join('')));
        expect(text, `${path}: language switcher`).not.toContain(squash(server.site.content.languages.map((l) => l.name).join('')));
        expect(colouredPixels(file), `${path}: coloured pixels on page 1`).toBe(0);
      }
    }
  });

  it('prints the timeline legibly in black and white: every entry, every chart with its numbers, the caveat', async () => {
    const { site } = server;
    for (const lang of site.content.langCodes) {
      const t = site.t[lang]!;
      const file = await printPdf(`/${lang}/timeline`, `${lang}-timeline`);
      const text = squash(pdfPageTexts(file).join(''));
      expect(text, `${lang}: caveat`).toContain(squash(t('ui:caveat.text')));
      for (const p of site.content.positions) expect(text, `${lang}: ${p.id}`).toContain(squash(t(`positions:${p.id}.title`)));
      for (const c of site.content.charts) {
        expect(text, `${lang}: chart ${c.id}`).toContain(squash(t(`figures:${c.id}.title`)));
        for (const b of c.bars) expect(text, `${lang}: ${c.id} ${b.id}`).toContain(squash(formatNumber(lang, b.value, c.unit)));
      }
      const pages = pdfPageCount(file);
      for (const n of new Set([1, pages])) expect(colouredPixels(file, n), `${lang}: coloured pixels on page ${n} of ${pages}`).toBe(0);
    }
  });
});
