import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../src/site/page.js';
import { pageTable } from '../../src/site/pages/index.js';
import { PRIVATE_ADDRESS, urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text } from '../helpers.js';

const { app, site } = makeApp();
const table = pageTable(site);
const html = (path: string) => renderPage(site, table.get(path)!());

/** Words that name a reader's role (the second question's answers), in each language: never in a title or preview. */
const ROLE_WORDS: Record<string, RegExp> = {
  en: /desert|call-up|called up|oppos|family member|refus/i,
  ru: /дезерт|повестк|призыв|призва|против|семь|уклон/i,
  de: /desert|einberuf|gegner|gegen den krieg|famili|verweiger/i,
};

/** What others can see without opening the page: the tab title, the chat preview and (on a situation's sheet) its heading. */
function exposed(page: string, withHeadings: boolean): string[] {
  const pick = (re: RegExp) => [...page.matchAll(re)].map((m) => m[1]!);
  return [
    ...pick(/<title>([^<]*)<\/title>/g),
    ...pick(/<meta property="og:(?:title|description)" content="([^"]*)">/g),
    ...pick(/<meta name="description" content="([^"]*)">/g),
    ...(withHeadings ? pick(/class="sheet-title"[^>]*>([^<]*)</g) : []),
  ];
}

describe('titles and previews do not expose the reader', () => {
  it('knows the role words of every answer to the second question in every language', () => {
    for (const lang of LANGS) {
      for (const o of site.content.questions[1]!.options.filter((x) => x !== 'none')) {
        expect(text(lang, 'finder', `who.options.${o}.label`), `${lang} ${o}`).toMatch(ROLE_WORDS[lang]!);
      }
    }
  });

  // The finder's pages and the situations' sheets; the list of sheets by its title and preview. (A statement's own
  // sheet is titled by the statement, as its page is: that names what was said, not who the reader is.)
  const finderPages = [...table.keys()].filter((p) => /^\/[a-z]+\/(check\/|sheets\/.*--|sheets\/$)/.test(p));
  it.each(finderPages)('%s', (path) => {
    const lang = path.split('/')[1]!;
    for (const shown of exposed(html(path), !path.endsWith('/sheets/'))) expect(shown).not.toMatch(ROLE_WORDS[lang]!);
  });

  it.each(LANGS)('%s: outcome titles name the place and stay distinct', (lang) => {
    const titles = site.model.outcomes.map((o) => /<title>([^<]*)<\/title>/.exec(html(urls.checkOutcome(lang, o.asked.map((a) => a.answer))))![1]);
    expect(new Set(titles).size).toBe(titles.length);
    for (const q of site.content.questions[0]!.options) {
      const place = escaped(text(lang, 'finder', `where.options.${q}.place`));
      expect(titles.filter((t) => t!.includes(place)).length, q).toBeGreaterThan(0);
    }
  });
});

describe('pages that show a reader\'s answers are not kept by caches', () => {
  const privatePaths = [...table.keys()].filter((p) => /^\/[a-z]+\/check\/.+/.test(p) || /^\/[a-z]+\/sheets\/.*--/.test(p));
  it('covers every outcome, answered question and situation sheet', () => {
    expect(privatePaths.length).toBeGreaterThan(LANGS.length * site.model.outcomes.length * 2);
  });

  it.each(privatePaths)('%s → private, no-store', async (path) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('PRIVATE_ADDRESS (also used by the nginx mirror kit) matches exactly the pages that say they are private', () => {
    const wrong = [...table.keys()].filter((path) => PRIVATE_ADDRESS.test(path) !== (table.get(path)!().private === true));
    expect(wrong).toEqual([]);
  });

  it('redirects to a reader\'s answers are private, no-store too', async () => {
    const outcome = privatePaths.find((p) => /\/check\/.+[^/]$/.test(p))!;
    const sheet = privatePaths.find((p) => p.includes('/sheets/'))!;
    for (const path of [`${outcome}/`, outcome.toUpperCase(), `${sheet}).`]) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(301);
      expect(res.headers['cache-control'], path).toBe('private, no-store');
    }
  });

  it.each(LANGS)('%s: ordinary pages stay publicly cacheable', async (lang) => {
    for (const path of [urls.home(lang), urls.checkQuestion(lang), urls.position(lang, 'deserters-protection'), urls.sheet(lang, 'deserters-protection')]) {
      expect((await request(app).get(path)).headers['cache-control'], path).toMatch(/^public/);
    }
  });
});

describe('phone-first page parts', () => {
  it.each(LANGS)('%s: every outcome starts with "in short": one line per answer, the next step and a link to help', (lang) => {
    for (const o of site.model.outcomes) {
      const page = html(urls.checkOutcome(lang, o.asked.map((a) => a.answer)));
      const start = page.indexOf('<section id="in-short"');
      expect(start).toBeGreaterThan(0);
      expect(start).toBeLessThan(page.indexOf('<section id="situation-'));
      const block = page.slice(start, page.indexOf('</section>', start));
      expect(block.match(/<li>/g)?.length).toBe(o.asked.length + 1);
      for (const a of o.asked) expect(block).toContain(escaped(text(lang, 'finder', `${a.question.id}.options.${a.answer}.short`)));
      expect(block).toContain('href="#help"');
      expect(block).toContain(`href="${urls.sheet(lang, o.id)}"`);
      expect(block).toContain(`href="${urls.checkQuestion(lang)}"`);
      expect(page).toContain('<section id="help"');
    }
  });

  it.each(LANGS)('%s: the start page puts the finder button right under its heading', (lang) => {
    const page = html(urls.home(lang));
    const h1 = page.indexOf('</h1>');
    expect(page.slice(h1, h1 + 200)).toContain(`<a class="button" href="${urls.checkQuestion(lang)}">`);
  });

  it.each(LANGS)('%s: the caveat is short on screen, links to the full note on the about page, and is complete on paper', (lang) => {
    const page = html(urls.position(lang, 'deserters-protection'));
    const caveat = page.slice(page.indexOf('<aside id="caveat"'), page.indexOf('</aside>'));
    expect(caveat).toContain(escaped(text(lang, 'ui', 'caveat.short')));
    expect(caveat).toContain(`href="${urls.about(lang)}#caveat-full"`);
    expect(caveat).toContain(`<span class="print-only">${escaped(text(lang, 'ui', 'caveat.text'))}</span>`);
    expect(page.indexOf('<aside id="caveat"')).toBeLessThan(page.indexOf('<main'));
    const about = html(urls.about(lang));
    expect(about).toContain('id="caveat-full"');
    expect(about).toContain(escaped(text(lang, 'ui', 'about.safetyText')));
    expect(about).toContain(`href="${urls.sheets(lang)}"`);
  });

  it.each(LANGS)('%s: the all-sheets page is not in the main menu, but linked from every sheet and the about page', (lang) => {
    const page = html(urls.home(lang));
    const nav = page.slice(page.indexOf('<nav aria-label="'), page.indexOf('</nav>', page.indexOf('class="nav"')));
    expect(nav).not.toContain(`href="${urls.sheets(lang)}"`);
    expect(html(urls.sheet(lang, 'deserters-protection'))).toContain(`href="${urls.sheets(lang)}"`);
  });
});
