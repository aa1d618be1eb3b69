import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { renderPage } from '../../src/site/page.js';
import { pageTable } from '../../src/site/pages/index.js';
import { sitemapEntries } from '../../src/http/seo.js';
import { LANGS, makeApp, text } from '../helpers.js';
import { TOPIC_WORDS } from '../topicWords.js';

const { app, site } = makeApp();
const table = pageTable(site);
const pick = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
const tabTitle = (html: string) => pick(html, /<title>([^<]*)<\/title>/g);
const siteName = (html: string) => pick(html, /<meta property="og:site_name" content="([^"]*)">/g);
// every Open Graph text (og:url is the address, whose words stay: links must never break)
const preview = (html: string) => [...pick(html, /<meta property="og:(?!url)[a-z_:]+" content="([^"]*)">/g), ...pick(html, /<meta name="description" content="([^"]*)">/g)];

describe('tab titles and og:site_name never name the topic', () => {
  it('the topic words catch the old site name and the answers in every language', () => {
    for (const lang of LANGS) {
      expect(text(lang, 'ui', 'site.name')).toMatch(TOPIC_WORDS[lang]!);
      expect(text(lang, 'ui', 'site.title')).not.toMatch(TOPIC_WORDS[lang]!);
      expect(text(lang, 'finder', 'stage.question')).toMatch(TOPIC_WORDS[lang]!);
      for (const o of site.content.questions[1]!.options.filter((x) => x !== 'none')) expect(text(lang, 'finder', `who.options.${o}.label`), `${lang} ${o}`).toMatch(TOPIC_WORDS[lang]!);
    }
  });

  // every page of the sitemap, in every language
  const paths = sitemapEntries(site, table).map((e) => new URL(e.url).pathname);
  it('covers every page of the sitemap', () => expect(paths.length).toBe(table.size));
  it.each(paths)('%s', (path) => {
    const lang = path.split('/')[1]!;
    const html = renderPage(site, table.get(path)!());
    const shown = [...tabTitle(html), ...siteName(html)];
    expect(shown.length).toBe(2);
    for (const s of shown) expect(s).not.toMatch(TOPIC_WORDS[lang]!);
    // questions, outcomes and situation sheets: no preview field either
    if (/^\/[a-z]+\/(check\/|sheets\/.*--)/.test(path)) for (const s of preview(html)) expect(s).not.toMatch(TOPIC_WORDS[lang]!);
  });

  it.each(LANGS)('%s: a statement page keeps its title in the preview and names its kind and date in the tab', (lang) => {
    const html = renderPage(site, table.get(`/${lang}/positions/deserters-protection`)!());
    expect(pick(html, /<meta property="og:title" content="([^"]*)">/g)[0]).toMatch(TOPIC_WORDS[lang]!);
    expect(tabTitle(html)[0]).toContain(text(lang, 'ui', 'kinds.ministry-statement.label'));
  });

  it.each(LANGS)('%s: the offline file is titled with the neutral name', async (lang) => {
    const res = await request(app).get(`/${lang}/offline.html`);
    expect(tabTitle(res.text)).toEqual([text(lang, 'ui', 'site.title')]);
  });
});

describe('SITE_TITLE: an operator\'s own site name', () => {
  it('replaces the name in every tab and og:site_name, in every language', async () => {
    const own = makeApp({ siteTitle: 'Notes' });
    for (const lang of LANGS) {
      const res = await request(own.app).get(`/${lang}/check/in-russia/deserter`);
      expect(tabTitle(res.text)[0]).toMatch(/Notes$/);
      expect(siteName(res.text)).toEqual(['Notes']);
      expect((await request(own.app).get(`/${lang}/`)).text).toContain('<title>Notes</title>');
    }
  });

  it('is read from the environment, trimmed, and refused with one line when empty, too long or not plain text', () => {
    expect(loadConfig({ SITE_TITLE: ' Notes ' }).siteTitle).toBe('Notes');
    expect(loadConfig({}).siteTitle).toBeUndefined();
    expect(() => loadConfig({ SITE_TITLE: '  ' })).toThrow(/^Invalid configuration: SITE_TITLE: must not be empty/);
    expect(() => loadConfig({ SITE_TITLE: 'x'.repeat(61) })).toThrow(/SITE_TITLE: must be at most 60 characters/);
    expect(() => loadConfig({ SITE_TITLE: '<b>x</b>' })).toThrow(/SITE_TITLE: must be plain text/);
  });
});
