import { describe, expect, it } from 'vitest';
import { urls } from '../../src/site/urls.js';
import { phoneSession } from './phoneSession.js';

/**
 * Phone first, measured in Chromium at 360 × 740 (a common small phone screen): what a reader
 * needs first is inside the first screen, before any scrolling.
 */
const SCREEN = { width: 360, height: 740 };

const phone = phoneSession(SCREEN);

/** The element's top and bottom edge on the page, in CSS pixels, before any scrolling. */
async function box(selector: string): Promise<{ top: number; bottom: number }> {
  const b = await phone.page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
  return b;
}

async function open(path: string): Promise<void> {
  const res = await phone.page.goto(`${phone.server.baseUrl}${path}`);
  expect(res?.status(), path).toBe(200);
}

const LANGS = ['en', 'ru', 'de'];

describe.each(LANGS)('%s at 360 × 740', (lang) => {
  it('a position page: the heading starts within the first 400 px', async () => {
    await open(urls.position(lang, 'deserters-protection'));
    expect((await box('main h1')).top).toBeLessThan(400);
  });

  it('the finder: every answer of every question is on the first screen', async () => {
    for (const answers of phone.server.site.model.questionNodes) {
      await open(urls.checkQuestion(lang, answers));
      const links = phone.page.locator('main .option-links a');
      expect(await links.count()).toBeGreaterThan(1);
      expect((await box('main .option-links li:last-child')).bottom, answers.join('/')).toBeLessThanOrEqual(SCREEN.height);
    }
  });

  it('the start page: the link to the finder is on the first screen', async () => {
    await open(urls.home(lang));
    expect((await box(`main a[href="${urls.checkQuestion(lang)}"]`)).bottom).toBeLessThanOrEqual(SCREEN.height);
  });

  it('an outcome: "in short" starts on the first screen, for the longest situation too', async () => {
    const outcomes = phone.server.site.model.outcomes;
    const longest = [...outcomes].sort((a, b) => b.asked.length - a.asked.length)[0]!;
    for (const o of [outcomes[0]!, longest]) {
      await open(urls.checkOutcome(lang, o.asked.map((a) => a.answer)));
      expect((await box('#in-short')).top, o.id).toBeLessThan(SCREEN.height);
    }
  });

  it('an outcome: the first organisation of the help block starts within the first two screens, for every outcome', async () => {
    let worst = { id: '', top: 0 };
    for (const o of phone.server.site.model.outcomes) {
      await open(urls.checkOutcome(lang, o.asked.map((a) => a.answer)));
      const top = (await box('#help .help-org')).top;
      if (top > worst.top) worst = { id: o.id, top };
      expect(top, o.id).toBeLessThan(2 * SCREEN.height);
    }
    console.log(`${lang}: the first organisation of the help block starts at ${Math.round(worst.top)} px at most (${worst.id}); two screens are ${2 * SCREEN.height} px`);
  });

  it('the help pages do not scroll sideways (long addresses and numbers wrap)', async () => {
    for (const path of [urls.help(lang), urls.helpPlace(lang, 'in-russia')]) {
      await open(path);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(SCREEN.width);
    }
  });

  it('the menu opens without script, and the page does not scroll sideways', async () => {
    await open(urls.home(lang));
    expect(await phone.page.locator('.menu nav a').first().isVisible()).toBe(false);
    await phone.page.click('.menu > summary');
    expect(await phone.page.locator('.menu nav a').first().isVisible()).toBe(true);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SCREEN.width);
  });
});

describe('on a wide screen', () => {
  it('the menu is open without a click', async () => {
    const wide = await phone.browser.newPage();
    await wide.setViewportSize({ width: 1280, height: 800 });
    await wide.goto(`${phone.server.baseUrl}${urls.home('en')}`);
    expect(await wide.locator('.menu nav a').first().isVisible()).toBe(true);
    await wide.close();
  });
});
