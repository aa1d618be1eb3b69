import { describe, expect, it } from 'vitest';
import { urls } from '../../src/site/urls.js';
import { TOPIC_WORDS } from '../topicWords.js';
import { phoneSession } from './phoneSession.js';

/**
 * Safe, short and quick on a phone (issue #23), measured in Chromium at 360 × 740: the frame, the outcome
 * pages, the number of requests from the start page to an outcome, the language links on wider screens, and
 * what the tab and a preview show.
 */
const SCREEN = { width: 360, height: 740 };
const FRAME_MAX = 190;
const SCREENS_MAX = 8;
const LANGS = ['en', 'ru', 'de'];

const phone = phoneSession(SCREEN);

async function open(path: string): Promise<void> {
  const res = await phone.page.goto(`${phone.server.baseUrl}${path}`);
  expect(res?.status(), path).toBe(200);
}

/** A string, evaluated in the page (no compiled helpers inside): the numbers these tests need. */
const MEASURE = `(() => {
  const bottom = (s) => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().bottom + scrollY : 0; };
  const inShort = document.querySelector('#in-short');
  return {
    frame: Math.max(bottom('.site-header'), bottom('#caveat')),
    main: document.querySelector('main').getBoundingClientRect().top + scrollY,
    inShort: inShort ? inShort.getBoundingClientRect().top + scrollY : -1,
    firstLine: inShort ? inShort.querySelector('li').textContent.trim() : '',
    height: document.documentElement.scrollHeight,
  };
})()`;
type Measure = { frame: number; main: number; inShort: number; firstLine: string; height: number };

describe.each(LANGS)('%s at 360 × 740', (lang) => {
  const t = (key: string) => phone.server.site.t[lang]!(key);

  it(`the frame (header, caveat, translation notice) is at most ${FRAME_MAX} px, and the languages share the leave button's row`, async () => {
    for (const path of [urls.home(lang), urls.checkQuestion(lang), urls.position(lang, 'deserters-protection'), urls.checkOutcome(lang, ['in-germany', 'deserter', 'rejected'])]) {
      await open(path);
      const m = (await phone.page.evaluate(MEASURE)) as Measure;
      expect(m.frame, path).toBeLessThanOrEqual(FRAME_MAX);
      expect(m.main, path).toBeGreaterThanOrEqual(m.frame);
      const langs = await phone.page.locator('.langs').boundingBox();
      const leave = await phone.page.locator('.leave').boundingBox();
      expect(Math.abs(langs!.y + langs!.height / 2 - (leave!.y + leave!.height / 2)), path).toBeLessThan(8);
      expect(await phone.page.locator('#caveat a').count(), path).toBe(1);
    }
  });

  it(`every outcome: "In short" starts above 400 px and the page is at most ${SCREENS_MAX} screens`, async () => {
    for (const o of phone.server.site.model.outcomes) {
      await open(urls.checkOutcome(lang, o.asked.map((a) => a.answer)));
      const m = (await phone.page.evaluate(MEASURE)) as Measure;
      expect(m.inShort, o.id).toBeGreaterThan(0);
      expect(m.inShort, o.id).toBeLessThan(400);
      expect(m.height / SCREEN.height, o.id).toBeLessThanOrEqual(SCREENS_MAX);
    }
  });

  it('the updates page: one entry per change, grouped by day, in at most 3 screens', async () => {
    await open(urls.updates(lang));
    const m = (await phone.page.evaluate(MEASURE)) as Measure;
    expect(m.height / SCREEN.height).toBeLessThanOrEqual(3);
    expect(await phone.page.locator('.update-day').count()).toBeGreaterThan(0);
  });

  it('after a rejection, the first line of "In short" is the deadline', async () => {
    for (const o of phone.server.site.model.outcomes.filter((x) => x.asked.at(-1)?.answer === 'rejected')) {
      await open(urls.checkOutcome(lang, o.asked.map((a) => a.answer)));
      expect(((await phone.page.evaluate(MEASURE)) as Measure).firstLine, o.id).toBe(t('finder:stage.options.rejected.short'));
    }
  });

  it('from the start page to an outcome: at most 1 + the number of questions requests, one tap per answer', async () => {
    const { questions } = phone.server.site.content;
    await open(urls.home(lang));
    // Round trips: each page, and each asset the first time only (assets are named by their hash and sent as
    // "immutable", so a browser reuses them; Chromium still reports its cache hits as requests).
    const requests: string[] = [];
    const seen = new Set<string>();
    const count = (r: { url(): string; resourceType(): string }) => {
      if (r.resourceType() === 'document' || !seen.has(r.url())) requests.push(r.url());
      seen.add(r.url());
    };
    phone.page.on('request', count);
    try {
      await Promise.all([phone.page.waitForURL(`**${urls.checkQuestion(lang)}`), phone.page.click(`main a[href="${urls.checkQuestion(lang)}"]`)]);
      // where: in Germany; then the first answer of each question after it
      for (const answer of ['in-germany', 'deserter', 'rejected']) {
        await Promise.all([phone.page.waitForLoadState('load'), phone.page.waitForURL(new RegExp(`/${answer}/?$`)), phone.page.click(`main .option-links a[href$="/${answer}"], main .option-links a[href$="/${answer}/"]`)]);
      }
    } finally {
      phone.page.off('request', count);
    }
    expect(new URL(phone.page.url()).pathname).toBe(urls.checkOutcome(lang, ['in-germany', 'deserter', 'rejected']));
    expect(await phone.page.locator('#in-short').count()).toBe(1);
    expect(requests.filter((u) => !u.includes('/assets/')).length, requests.join('\n')).toBeLessThanOrEqual(1 + questions.length);
    const css = await fetch(requests.find((u) => u.includes('/assets/site.'))!);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });

  it('no tab title or og:site_name of any page in the sitemap, and no Open Graph text of a question, outcome or situation sheet, names the topic', async () => {
    const sitemap = await (await fetch(`${phone.server.baseUrl}/sitemap.xml`)).text();
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).filter((p) => p.startsWith(`/${lang}/`));
    expect(paths.length).toBeGreaterThan(100);
    const words = TOPIC_WORDS[lang]!;
    for (const path of paths) {
      await phone.page.goto(`${phone.server.baseUrl}${path}`, { waitUntil: 'domcontentloaded' });
      expect(await phone.page.title(), path).not.toMatch(words);
      const og = await phone.page.locator('meta[property^="og:"]:not([property="og:url"])').evaluateAll((els) => els.map((e) => [e.getAttribute('property'), e.getAttribute('content')]));
      expect(og.find(([p]) => p === 'og:site_name')?.[1], path).toBe(t('ui:site.title'));
      if (/\/(check\/|sheets\/.*--)/.test(path)) for (const [p, content] of og) expect(content, `${path} ${p}`).not.toMatch(words);
    }
  });
});

describe.each([768, 1280])('at %i px wide', (width) => {
  it.each(LANGS)('%s: each language link shows its name once', async (lang) => {
    const wide = await phone.browser.newPage();
    await wide.setViewportSize({ width, height: 800 });
    await wide.goto(`${phone.server.baseUrl}${urls.home(lang)}`);
    const shown = await wide.locator('.langs li').allInnerTexts();
    expect(shown.map((s) => s.trim())).toEqual(phone.server.site.content.languages.map((l) => l.name));
    await wide.close();
  });
});
