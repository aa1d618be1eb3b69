import Handlebars from 'handlebars';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { loadContentOrThrow } from '../../src/content/load.js';
import type { Position } from '../../src/content/schema.js';
import { formatDate } from '../../src/site/format.js';
import { qrSvg } from '../../src/site/qr.js';
import { createSite } from '../../src/site/site.js';
import { unwrapAddresses } from '../helpers.js';

const BASE_URL = 'https://example.test';
const site = createSite(loadContentOrThrow(), testConfig({ baseUrl: BASE_URL }));
const app = createApp(site);
const { content, model } = site;
const esc = (s: string) => Handlebars.Utils.escapeExpression(s);

/** Every sheet: id, the positions it shows, and the live page it prints the address of. */
const SHEETS = [
  ...content.positions.map((p) => ({ id: p.id, shows: [p], live: (lang: string) => `/${lang}/positions/${p.id}`, caveats: p.caveats })),
  ...model.outcomes.map((o) => ({
    id: o.id,
    shows: [...o.statements, ...o.afterwards],
    live: (lang: string) => `/${lang}/check/${o.path}`,
    caveats: [] as string[],
  })),
];

function sourceUrls(positions: Position[]): string[] {
  const ids = new Set(positions.flatMap((p) => [...p.sources.map((s) => s.source), ...(p.reportedIn ? [p.reportedIn] : [])]));
  return [...ids].map((id) => model.sourceById.get(id)!.url);
}

function newestReview(positions: Position[]): string {
  return positions.map((p) => p.reviewedOn).sort().at(-1) ?? model.lastReviewed;
}

async function get(path: string) {
  return request(app).get(path);
}

describe.each(content.langCodes)('information sheets in %s', (lang) => {
  const t = site.t[lang]!;

  it.each(SHEETS.map((s) => [s.id, s] as const))('%s: caveat, kind, sources, printed-from address and QR code', async (_id, sheet) => {
    const res = await get(`/${lang}/sheets/${sheet.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-language']).toBe(lang);
    const html = unwrapAddresses(res.text);
    expect(html).toContain(`<html lang="${lang}">`);
    // The caveat, before the sheet, and the position's own caveats.
    expect(html).toMatch(/id="caveat"/);
    expect(html.indexOf(esc(t('ui:caveat.text')))).toBeGreaterThan(-1);
    expect(html.indexOf(esc(t('ui:caveat.text')))).toBeLessThan(html.indexOf('class="sheet '));
    for (const c of sheet.caveats) expect(html).toContain(esc(t(`caveats:${c}`)));
    // The kind of every statement shown, in words.
    // (on a situation's sheet, later developments stand under a heading that names their kind)
    for (const p of sheet.shows) {
      if (sheet.caveats.length === 0 && p.kind === 'later-development' && !content.positions.some((x) => x.id === sheet.id)) {
        expect(html).toContain(`>${esc(t('ui:check.afterwardsTitle'))}</h`);
        expect(t('ui:check.afterwardsTitle')).toBe(t('ui:kinds.later-development.label'));
      } else expect(html).toContain(`<span class="kind kind-${p.kind}">${esc(t(`ui:kinds.${p.kind}.label`))}</span>`);
    }
    // Every source with its full address, in the sources section.
    const sources = html.slice(html.indexOf('id="sources"'));
    expect(html).toContain('id="sources"');
    for (const url of sourceUrls(sheet.shows)) expect(sources).toContain(`>${esc(url)}</a>`);
    // "Information as of DATE, printed from ADDRESS" with the live page's address.
    const asOf = t('ui:sheets.asOf', { date: formatDate(lang, newestReview(sheet.shows)), url: `${BASE_URL}${sheet.live(lang)}` });
    expect(html).toContain(esc(asOf));
    // The QR code as inline SVG, labelled for screen readers.
    expect(html).toContain(`<div class="sheet-qr qr" role="img" aria-label="${esc(t('ui:sheets.qr'))}"><svg xmlns="http://www.w3.org/2000/svg"`);
    expect(html).toContain(qrSvg(`${BASE_URL}${sheet.live(lang)}`).toString());
  });

  it('lists and contains every sheet on /sheets/', async () => {
    const res = await get(`/${lang}/sheets/`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.text).toContain(esc(t('ui:sheets.intro')));
    for (const sheet of SHEETS) {
      expect(res.text).toContain(`href="/${lang}/sheets/${sheet.id}"`);
      expect(res.text).toContain(`<article class="sheet sheet-`);
      expect(res.text).toContain(`id="sheet-${sheet.id}"`);
      expect(unwrapAddresses(res.text)).toContain(esc(`${BASE_URL}${sheet.live(lang)}`));
    }
    expect(res.text.match(/<article class="sheet /g)).toHaveLength(SHEETS.length);
    // Each sheet of the set carries the caveat, since each is printed on its own paper.
    expect(res.text.split(esc(t('ui:caveat.text'))).length - 1).toBeGreaterThanOrEqual(SHEETS.length);
    // Many sheets on one page: no id may be used twice.
    const ids = [...res.text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('answers 404 in the same language for an unknown sheet, without echoing it', async () => {
    for (const path of [`/${lang}/sheets/no-such-sheet`, `/${lang}/sheets/in-russia--nobody`, `/${lang}/sheets/%3Cscript%3Ealert(1)%3C%2Fscript%3E`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).toContain(`<html lang="${lang}">`);
      expect(res.text).toContain(esc(t('ui:errors.notFoundTitle')));
      expect(res.text).not.toContain('<script>');
    }
  });
});

describe('the live pages link to their sheets', () => {
  it('links every position page to its sheet', async () => {
    for (const p of content.positions) {
      const res = await get(`/en/positions/${p.id}`);
      expect(res.text).toContain(`href="/en/sheets/${p.id}"`);
    }
  });

  it('links every finder outcome page to its sheet', async () => {
    for (const o of model.outcomes) {
      const res = await get(`/en/check/${o.path}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain(`href="/en/sheets/${o.id}"`);
    }
  });

  it('asks for no translation that does not exist', async () => {
    for (const lang of content.langCodes) await get(`/${lang}/sheets/`);
    expect([...site.missingKeys]).toEqual([]);
  });
});

describe('qrSvg', () => {
  it('makes plain SVG for our own addresses', () => {
    const svg = qrSvg('https://example.test/ru/check/in-russia/deserter').toString();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toContain('example.test/ru');
  });

  it('refuses anything that is not a plain http(s) address', () => {
    for (const bad of ['javascript:alert(1)', 'https://example.test/"><script>alert(1)</script>', 'https://example.test/a b', '/en/positions/x']) {
      expect(() => qrSvg(bad), bad).toThrow(/not an address of ours/);
    }
  });
});
