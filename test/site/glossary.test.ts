import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../src/site/page.js';
import { pageTable } from '../../src/site/pages/index.js';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text, writtenText } from '../helpers.js';

const { app, site } = makeApp();
const table = pageTable(site);
const glossary = site.content.glossary;
const html = (path: string) => renderPage(site, table.get(path)!());
const ids = (page: string) => new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
/** The text a reader sees, without tags. */
const visible = (page: string) => page.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, ' ').replace(/&[#\w]+;/g, ' ');

describe('/{lang}/glossary', () => {
  it.each(LANGS)('%s: lists every term once, with its anchor, its words and its explanation', async (lang) => {
    const res = await request(app).get(urls.glossary(lang));
    expect(res.status).toBe(200);
    for (const t of glossary) {
      expect(res.text.match(new RegExp(`id="term-${t.id}"`, 'g'))?.length, t.id).toBe(1);
      expect(res.text).toContain(escaped(text(lang, 'glossary', `${t.id}.term`)));
      expect(res.text).toContain(escaped(text(lang, 'glossary', `${t.id}.explain`)));
    }
  });

  it.each(LANGS)('%s: terms are in the reader\'s alphabetical order, and each source links to the sources page', (lang) => {
    const page = html(urls.glossary(lang));
    const order = [...page.matchAll(/<dt id="term-([^"]+)">([^<]+)<\/dt>/g)].map((m) => m[2]!);
    expect(order.length).toBe(glossary.length);
    expect(order).toEqual([...order].sort(new Intl.Collator(lang).compare));
    const sourcesPage = ids(html(urls.sources(lang)));
    for (const m of page.matchAll(/href="\/[a-z]+\/sources#source-([^"]+)"/g)) expect(sourcesPage.has(`source-${m[1]}`), m[1]).toBe(true);
    expect([...page.matchAll(/href="\/[a-z]+\/sources#source-/g)].length).toBe(glossary.reduce((n, t) => n + t.sources.length, 0));
  });

  it('is in the menu of every page', () => {
    for (const lang of LANGS) expect(html(urls.home(lang))).toContain(`href="${urls.glossary(lang)}"`);
  });
});

describe('"words used on this page" on positions and outcomes', () => {
  const glossaryIds = new Map(LANGS.map((lang) => [lang, ids(html(urls.glossary(lang)))]));
  const pages = [...table.keys()].filter((p) => /^\/[a-z]+\/(positions\/[^/]+|check\/.+[^/])$/.test(p));

  it('covers every position and every outcome page', () => {
    expect(pages.length).toBe(LANGS.length * (site.content.positions.length + site.model.outcomes.length));
  });

  it.each(pages)('%s links only to glossary anchors that exist', (path) => {
    const lang = path.split('/')[1]!;
    const page = html(path);
    const links = [...page.matchAll(/href="\/([a-z]+)\/glossary#(term-[^"]+)"/g)];
    expect(links.length, 'a words-used list').toBeGreaterThan(0);
    for (const [, l, anchor] of links) {
      expect(l).toBe(lang);
      expect(glossaryIds.get(lang)!.has(anchor!), anchor).toBe(true);
    }
    const position = site.model.positionById.get(path.split('/').pop()!);
    if (position) expect(links.map((l) => l[2])).toEqual(expect.arrayContaining(position.terms.map((t) => `term-${t}`)));
  });
});

describe('printed sheets explain the words they use', () => {
  it.each(LANGS)('%s: a situation\'s sheet opens with "In short" (to keep two pages at 10 pt); its page links the words of its answers to the glossary', (lang) => {
    for (const o of site.model.outcomes) {
      expect(o.terms.length, o.id).toBeGreaterThan(0);
      const sheet = html(urls.sheet(lang, o.id));
      expect(sheet, o.id).toContain('class="sheet-in-short"');
      expect(sheet, o.id).not.toContain('class="sheet-terms"');
      const page = html(urls.checkOutcome(lang, o.asked.map((a) => a.answer)));
      const words = page.slice(page.indexOf('<section id="words"'), page.indexOf('</section>', page.indexOf('<section id="words"')));
      for (const t of new Set(o.terms)) expect(words, `${o.id} ${t}`).toContain(`href="${urls.glossary(lang)}#term-${t}"`);
    }
  });

  it.each(LANGS)('%s: a position sheet carries the explanation of each of its terms', (lang) => {
    for (const p of site.content.positions) {
      const page = html(urls.sheet(lang, p.id));
      for (const t of p.terms) expect(page, `${p.id} ${t}`).toContain(escaped(text(lang, 'glossary', `${t}.short`)));
    }
  });
});

describe('what the language review found on rendered pages stays fixed', () => {
  const noteIds = site.content.sources.filter((s) => s.publisherNote).map((s) => s.id);
  /** The English publisher lines that a language translates differently: they must not appear on its pages. */
  const englishNotes = (lang: string) =>
    noteIds.map((id) => text('en', 'sources', `${id}.publisher`)).filter((en, i) => text(lang, 'sources', `${noteIds[i]!}.publisher`) !== en);
  const all = [...table.keys()];

  it('has English publisher notes that Russian and German translate', () => {
    expect(englishNotes('ru').length).toBeGreaterThan(5);
    expect(englishNotes('de').length).toBeGreaterThan(5);
  });

  it.each(all.filter((p) => /^\/(ru|de)\//.test(p)))('%s: no English publisher note, no doubled bracket', (path) => {
    const page = html(path);
    for (const note of englishNotes(path.slice(1, 3))) expect(page).not.toContain(escaped(note));
    expect(visible(page)).not.toMatch(/\([^()]*\([^()]*\)\)/);
  });

  it.each(LANGS)('%s: the start page title names the site once; other titles put the page first', (lang) => {
    const name = text(lang, 'ui', 'site.title');
    expect(html(urls.home(lang))).toContain(`<title>${escaped(name)}</title>`);
    const about = html(urls.about(lang));
    const title = /<title>([^<]+)<\/title>/.exec(about)![1]!;
    expect(title.startsWith(escaped(text(lang, 'ui', 'about.title')))).toBe(true);
    expect(title.split(escaped(name)).length - 1).toBe(1);
  });

  it('Russian titles and quote captions use the em dash, never an en dash as separator', () => {
    for (const path of all.filter((p) => p.startsWith('/ru/'))) {
      const page = html(path);
      expect(/<title>([^<]+)<\/title>/.exec(page)![1], path).not.toContain(' – ');
      for (const m of page.matchAll(/<figcaption>([\s\S]*?)<\/figcaption>/g)) expect(m[1], path).not.toContain(' – ');
    }
  }, 60_000);

  it.each(LANGS)('%s: "no date shown" starts a sentence with a capital letter', (lang) => {
    const noDate = text(lang, 'ui', 'sources.noPublished');
    expect(noDate[0]).toBe(noDate[0]!.toLocaleUpperCase(lang));
    expect(site.content.sources.some((src) => !src.published)).toBe(true);
    expect(html(urls.sources(lang))).toContain(escaped(noDate));
  });
});

describe('the JSON API has the glossary', () => {
  it.each(LANGS)('%s: /api/v1/glossary lists every term with its page anchor', async (lang) => {
    const res = await request(app).get(`/api/v1/glossary?lang=${lang}`);
    expect(res.status).toBe(200);
    const body = res.body as { terms: { id: string; term: string; url: string }[] };
    expect(body.terms.map((t) => t.id)).toEqual(glossary.map((t) => t.id));
    for (const t of body.terms) {
      // the API gives the texts as written; only pages are set in the language's typography
      expect(t.term).toBe(writtenText(lang, 'glossary', `${t.id}.term`));
      expect(t.url).toBe(`${site.config.baseUrl}${urls.term(lang, t.id)}`);
    }
  });
});
