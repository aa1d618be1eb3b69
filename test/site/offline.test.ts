import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/site/format.js';
import { editionDate, offlineCss } from '../../src/site/offline.js';
import { expectValid } from '../htmlValidity.js';
import { escaped, LANGS, makeApp, text, unwrapAddresses } from '../helpers.js';

/**
 * The offline edition (issue 16): each language's whole guide in one file that works without a
 * connection, as the server sends it at /{lang}/offline.html.
 */
const BASE = 'https://guide.example.org';
const { app, site } = makeApp({ baseUrl: BASE });
/**
 * Raw size: 600 KB until November 2026; the December 2026 content (five new entries, 32 in all) brings
 * Russian to about 690 KB (Cyrillic takes two bytes a letter), so the limit is 750 KB. What a phone
 * downloads is the compressed file: at most 100 KB (about 88 KB for Russian in December 2026).
 */
const LIMIT = 750 * 1024;
const GZIP_LIMIT = 100 * 1024;
const editions = new Map<string, request.Response>();
async function edition(lang: string): Promise<request.Response> {
  let res = editions.get(lang);
  if (!res) editions.set(lang, (res = await request(app).get(`/${lang}/offline.html`)));
  return res;
}
/** The HTML of a language's edition with its printed addresses as plain text. */
const htmlOf = async (lang: string) => unwrapAddresses((await edition(lang)).text);
const t = (lang: string, key: string, options?: Record<string, unknown>) => site.t[lang]!(key, options);

describe.each(LANGS)('the offline edition in %s', (lang) => {
  it('is sent as a download named with its language and edition date, in its language', async () => {
    const res = await edition(lang);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-language']).toBe(lang);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="germany-guide-${lang}-${editionDate(site)}.html"`);
    expect(res.text).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
  });

  it(`is at most ${LIMIT / 1024} KB, and at most ${GZIP_LIMIT / 1024} KB compressed`, async () => {
    const body = (await edition(lang)).text;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMIT);
    expect(gzipSync(body).length).toBeLessThanOrEqual(GZIP_LIMIT);
  });

  it('loads nothing: no script, no src, no linked stylesheet, no @import, no url()', async () => {
    const html = (await edition(lang)).text;
    for (const pattern of [/<script/i, /\ssrc\s*=/i, /<link\b/i, /@import/i, /url\s*\(/i, /<iframe|<object|<embed/i]) expect(html).not.toMatch(pattern);
  });

  it('carries its stylesheet inside, allowed by its hash and nothing else', async () => {
    const res = await edition(lang);
    const css = /<style>([\s\S]*?)<\/style>/.exec(res.text)?.[1] ?? '';
    expect(css).toContain('.sheet');
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`style-src 'self' ${hash};`);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'none'");
  });

  it('every link inside the file leads to an element of the file; every other link is a full web address', async () => {
    const html = (await edition(lang)).text;
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(500);
    const inside = hrefs.filter((h) => h.startsWith('#'));
    expect(inside.length).toBeGreaterThan(400);
    expect(inside.filter((h) => !ids.has(h.slice(1)))).toEqual([]);
    // (and the help directory's phone numbers and e-mail addresses)
    expect(hrefs.filter((h) => !h.startsWith('#') && !/^(?:https?:\/\/[^/]+|tel:\+\d+$|mailto:[^@\s]+@[^@\s]+$)/.test(h))).toEqual([]);
  });

  it('validates with html-validate', async () => {
    await expectValid(`/${lang}/offline.html`, (await edition(lang)).text);
  });

  it('has the full caveat, its edition date, the public address, and the translation notice where it applies', async () => {
    const html = await htmlOf(lang);
    expect(html).toContain(escaped(text(lang, 'ui', 'caveat.text')));
    expect(html).toContain(escaped(t(lang, 'ui:offline.edition', { date: formatDate(lang, editionDate(site)) })));
    expect(html).toContain(`href="${BASE}/${lang}/"`);
    expect(html).toContain(`${BASE}/${lang}/offline.html`);
    const unreviewed = site.content.languages.find((l) => l.code === lang)?.review.status === 'unreviewed';
    expect(html.includes(escaped(text(lang, 'ui', 'translation.unreviewed')))).toBe(unreviewed);
  });

  it('has every statement with its title, where it stands now, what it means and does not mean, next steps and sources with full addresses', async () => {
    const html = await htmlOf(lang);
    for (const p of site.content.positions) {
      const sheet = new RegExp(`<article class="sheet sheet-position" id="sheet-${p.id}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
      expect(sheet, p.id).toContain(escaped(t(lang, `positions:${p.id}.title`)));
      for (const key of ['now', 'means', 'doesNotMean', 'nextSteps']) expect(sheet, `${p.id} ${key}`).toContain(escaped(t(lang, `positions:${p.id}.${key}`).split(/\n\s*\n/)[0]!.trim()));
      for (const { source } of p.sources) expect(sheet, `${p.id} ${source}`).toContain(`>${escaped(site.model.sourceById.get(source)!.url)}</a>`);
    }
  });

  it('lists every situation of the finder as a link to its text, which says what applies and links to the statements', async () => {
    const html = await htmlOf(lang);
    const list = /<section id="check"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    for (const o of site.model.outcomes) {
      expect(list, o.id).toContain(`href="#sheet-${o.id}"`);
      const situation = new RegExp(`<article class="situation" id="sheet-${o.id}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
      for (const { question, answer } of o.asked) expect(situation, o.id).toContain(escaped(t(lang, `finder:${question.id}.options.${answer}.short`)));
      for (const p of [...o.statements, ...o.afterwards]) expect(situation, `${o.id} ${p.id}`).toContain(`href="#sheet-${p.id}"`);
      for (const { question, answer } of o.asked) expect(situation).toContain(`href="#answer-${question.id}-${answer}"`);
    }
  });

  it('has the word list, the timeline, what happened afterwards and where to get help', async () => {
    const html = await htmlOf(lang);
    for (const term of site.content.glossary) expect(html).toContain(`id="term-${term.id}"`);
    for (const p of site.model.timeline) expect(html).toContain(`id="timeline-entry-${p.id}"`);
    for (const o of site.content.help.organisations) expect(html).toContain(`id="help-${o.id}"`);
    for (const p of site.content.positions.filter((x) => x.kind === 'later-development')) expect(/<section id="now"[\s\S]*?<\/section>/.exec(html)?.[0]).toContain(`href="#sheet-${p.id}"`);
  });

  it('is linked from the start page, the about page and printed on every sheet', async () => {
    const home = await request(app).get(`/${lang}/`);
    expect(home.text).toContain(`href="/${lang}/offline.html"`);
    const about = await request(app).get(`/${lang}/about`);
    for (const l of LANGS) expect(about.text).toContain(`href="/${l}/offline.html"`);
    const sheets = unwrapAddresses((await request(app).get(`/${lang}/sheets/`)).text);
    const line = escaped(t(lang, 'ui:offline.sheetLine', { url: `${BASE}/${lang}/offline.html` }));
    expect(sheets.split(line).length - 1).toBe(site.content.positions.length + site.model.outcomes.length);
  });
});

describe('the offline edition as an address', () => {
  it('answers HEAD and 304 like every document', async () => {
    const first = await edition('en');
    const head = await request(app).head('/en/offline.html');
    expect(head.status).toBe(200);
    expect(head.headers['content-disposition']).toBe(first.headers['content-disposition']);
    const again = await request(app).get('/en/offline.html').set('If-None-Match', String(first.headers.etag));
    expect(again.status).toBe(304);
  });

  it('is 404 in a language the site does not have, and not a download', async () => {
    const res = await request(app).get('/xx/offline.html');
    expect(res.status).toBe(404);
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('refuses a stylesheet that could end its <style> element (it is written into the file as it is)', () => {
    const css = site.assets.get('site.css')!;
    const broken = { ...site, assets: new Map([['site.css', { ...css, body: Buffer.from('p { color: red }\n</STYLE><script>alert(1)</script>') }]]) };
    expect(() => offlineCss(broken)).toThrow(/contains "<\/style"/);
    expect(offlineCss(site)).not.toMatch(/<\/style/i);
  });
});
