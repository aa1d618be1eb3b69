import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { loadContentOrThrow } from '../../src/content/load.js';
import { formatDate } from '../../src/site/format.js';
import { renderPage } from '../../src/site/page.js';
import { pageTable } from '../../src/site/pages/index.js';
import { positionPage } from '../../src/site/pages/content.js';
import { createSite } from '../../src/site/site.js';
import { statusWords } from '../../src/site/statusWords.js';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text, unwrapAddresses } from '../helpers.js';

const { app, site } = makeApp();
const positions = site.content.positions;
const cases = LANGS.flatMap((lang) => positions.map((p) => [lang, p.id] as const));

/** The "where it stands now" block of a page (from id="now" to its closing section tag). */
function nowBlock(html: string, prefix = ''): string {
  const start = html.indexOf(`<section id="${prefix}now"`);
  expect(start, `#${prefix}now`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('every position says where it stands today, with the date this was checked', () => {
  it.each(cases)('%s %s: the "now" block comes before the 2022 detail', async (lang, id) => {
    const p = site.model.positionById.get(id)!;
    const res = await request(app).get(urls.position(lang, id));
    expect(res.status).toBe(200);
    const block = nowBlock(res.text);
    // heading with the date, the status in words, and the plain explanation, paragraph by paragraph
    expect(block).toContain(escaped(site.t[lang]!('ui:now.title', { date: formatDate(lang, p.status.checkedOn) })));
    expect(block).toContain(escaped(text(lang, 'ui', `status.${p.status.kind}`)));
    for (const para of text(lang, 'positions', `${id}.now`).split(/\n\s*\n/)) expect(block).toContain(escaped(para.trim()));
    // every entry that changed it is linked from the block
    for (const other of p.status.changedBy) expect(block).toContain(`href="${urls.position(lang, other)}"`);
    // near the top: after the summary, before what was said and what it means
    expect(res.text.indexOf('id="now"')).toBeLessThan(res.text.indexOf('id="what-was-said"'));
    expect(res.text.indexOf('id="now"')).toBeLessThan(res.text.indexOf('id="what-it-means"'));
    expect(res.text.indexOf('id="now"')).toBeGreaterThan(res.text.indexOf('<h1'));
    // checked recently: no "out of date" notice
    expect(block).not.toContain('class="notice overdue"');
  });

  it.each(cases)('%s %s: its printed sheet has the same block', async (lang, id) => {
    const p = site.model.positionById.get(id)!;
    const res = await request(app).get(urls.sheet(lang, id));
    expect(res.status).toBe(200);
    // printed addresses are kept whole next to hyphens (<span class="nb">): read them as text
    const page = unwrapAddresses(res.text);
    const block = nowBlock(page);
    expect(block).toContain(escaped(text(lang, 'ui', `status.${p.status.kind}`)));
    expect(block).toContain(escaped(formatDate(lang, p.status.checkedOn)));
    // on paper, the entries that changed it carry their full address: in the block, or once under "what happened afterwards"
    for (const other of p.status.changedBy) {
      const address = `${site.config.baseUrl}${urls.position(lang, other)}`;
      expect(p.afterwards.includes(other) ? page.slice(page.indexOf('id="afterwards"')) : block).toContain(address);
    }
  });

  it.each(LANGS)('%s: a status checked more than twelve months ago tells the reader so; eleven months does not', (lang) => {
    const content = loadContentOrThrow();
    const p = content.positions[0]!;
    const [y, m, d] = p.status.checkedOn.split('-').map(Number) as [number, number, number];
    const later = (months: number) => new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
    const notice = escaped(site.t[lang]!('ui:now.overdue', { date: formatDate(lang, p.status.checkedOn) }));
    const old = createSite(content, testConfig(), later(13));
    expect(nowBlock(renderPage(old, positionPage(old, lang, p.id)!))).toContain(notice);
    const recent = createSite(content, testConfig(), later(11));
    expect(nowBlock(renderPage(recent, positionPage(recent, lang, p.id)!))).not.toContain(notice);
  });

  it.each(LANGS)('%s: statements on finder outcomes show their status in their one line ("In short" carries the date it was checked)', async (lang) => {
    const o = site.model.outcomeByPath.get('in-russia/deserter')!;
    const res = await request(app).get(urls.checkOutcome(lang, ['in-russia', 'deserter']));
    for (const p of [...o.statements, ...o.afterwards]) {
      const line = site.t[lang]!('ui:now.shortUndated', { status: statusWords(site.t[lang]!, p.status.kind, p.id) });
      expect(res.text).toContain(`<a href="${urls.position(lang, p.id)}"><strong>`);
      expect(res.text).toContain(escaped(line));
    }
    const newest = [...o.statements, ...o.afterwards].map((p) => p.status.checkedOn).sort().at(-1)!;
    expect(res.text).toContain(escaped(site.t[lang]!('ui:check.inShortTitle', { date: formatDate(lang, newest) })));
  });
});

/**
 * "You can apply at the border" was true in 2022 and is not a promise since May 2025. Wherever a page
 * speaks of applying at the border, it must also lead to the entry on border rejections.
 */
const BORDER: Record<string, RegExp> = {
  en: /\bat its border|\b(?:German|Germany's) (?:land )?borders?\b/i,
  ru: /на е[ёе] границе|границ[а-я]* Германии|(?:германск|немецк)[а-я]* (?:сухопутн[а-я]* )?границ/i,
  de: /an (?:ihrer|seiner) Grenze|deutschen (?:Land)?[Gg]renze|Landgrenzen? Deutschlands|Grenzen? Deutschlands/i,
};
/** Words for asylum in each language: a sentence about the border and asylum is one that concerns applying there. */
const ASYLUM: Record<string, RegExp> = { en: /asylum|apply/i, ru: /убежищ/i, de: /Asyl/i };

/** The sentences of a page's main content (tags removed) that speak of asylum at the border. */
function borderSentences(lang: string, html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<[^>]+>/g, ' ');
  return main.split(/(?<=[.!?])\s+/).filter((s) => BORDER[lang]!.test(s) && ASYLUM[lang]!.test(s));
}

describe('no page still promises an asylum application at the border', () => {
  it.each(LANGS)('%s: every HTML page that mentions the border links to the entry on border rejections (2025)', async (lang) => {
    const link = `href="${urls.position(lang, 'border-rejections-2025')}"`;
    const table = pageTable(site);
    let mentioning = 0;
    for (const path of table.keys()) {
      if (!path.startsWith(`/${lang}/`) || path === urls.sheets(lang)) continue;
      const html = (await request(app).get(path)).text;
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      if (borderSentences(lang, html).length === 0) continue;
      mentioning++;
      const isTheEntry = path === urls.position(lang, 'border-rejections-2025') || path === urls.sheet(lang, 'border-rejections-2025');
      expect(isTheEntry || main.includes(link) || main.includes(`${site.config.baseUrl}${urls.position(lang, 'border-rejections-2025')}`), path).toBe(true);
    }
    // the pattern does find the pages it is meant for: this test can fail
    expect(mentioning).toBeGreaterThan(3);
  });

  it('the English finder no longer offers "in Germany or at its border"', () => {
    expect(text('en', 'finder', 'where.options.in-germany.label')).not.toMatch(/border/i);
    // people in another Dublin country, who might travel on, read about the rejections and their date
    for (const lang of LANGS) expect(text(lang, 'finder', 'where.options.other-eu.outcome')).toMatch(/2025/);
  });
});
