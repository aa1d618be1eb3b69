import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/paths.js';
import { pageTable } from '../../src/site/pages/index.js';
import { ASKED_FIELD } from '../../src/site/pages/check.js';
import { urls } from '../../src/site/urls.js';
import { axe, report } from './axe.js';
import { launchChromium, type Chromium } from './chromium.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Accessibility in a real browser: axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) on every kind of page
 * in every language at phone and desktop widths; no sideways scrolling on a 360 px phone; the skip
 * link, keyboard focus and visible focus. Screenshots go to test/artifacts/screenshots/.
 */
const WIDTHS = [360, 1280];
const SCREENSHOTS = join(ROOT, 'test/artifacts', 'screenshots');
const MAX_SCREENSHOT_HEIGHT = 20_000;

let server: RunningServer;
let browser: Chromium;

/** Started once for the whole file; the page kinds below need the site's page table. */
const ready = (async () => {
  server = await startServer();
  return server.site;
})();

interface Kind {
  kind: string;
  /** The page's address in a language; undefined when the site has no such page (yet). */
  path: (lang: string) => string | undefined;
  status?: number;
  /** Send the page's question form with no answer chosen, to see the error summary. */
  submitEmpty?: boolean;
}

const site = await ready;
const table = [...pageTable(site).keys()];
const LANGS = site.content.langCodes;
/** The first address of the page table in this language that matches; kinds that do not exist yet are skipped. */
const first = (lang: string, pattern: RegExp) => table.find((p) => p.startsWith(`/${lang}/`) && pattern.test(p.slice(lang.length + 1)));
const inTable = (p: string) => (table.includes(p) ? p : undefined);

const KINDS: Kind[] = [
  { kind: 'home', path: (l) => urls.home(l) },
  { kind: 'positions', path: (l) => urls.positions(l) },
  { kind: 'position', path: (l) => inTable(urls.position(l, 'deserters-protection')) ?? first(l, /^\/positions\/[^/]+$/) },
  { kind: 'sources', path: (l) => urls.sources(l) },
  { kind: 'about', path: (l) => urls.about(l) },
  { kind: 'glossary', path: (l) => urls.glossary(l) },
  { kind: 'timeline', path: (l) => urls.timeline(l) },
  { kind: 'updates', path: (l) => urls.updates(l) },
  { kind: 'chart', path: (l) => urls.position(l, 'protection-figures') },
  { kind: 'help', path: (l) => inTable(urls.help(l)) },
  { kind: 'help-place', path: (l) => inTable(urls.helpPlace(l, 'in-russia')) },
  { kind: 'imprint', path: (l) => inTable(urls.imprint(l)) },
  { kind: 'not-found', path: (l) => `/${l}/no-such-page`, status: 404 },
  { kind: 'question', path: (l) => inTable(urls.checkQuestion(l)) },
  { kind: 'question-error', path: (l) => inTable(urls.checkQuestion(l)), status: 400, submitEmpty: true },
  { kind: 'outcome', path: (l) => first(l, /^\/check\/.+[^/]$/) },
  { kind: 'sheets', path: (l) => inTable(urls.sheets(l)) },
  { kind: 'sheet', path: (l) => first(l, /^\/sheets\/(?!.*--)[^/]+$/) },
  { kind: 'outcome-sheet', path: (l) => first(l, /^\/sheets\/[^/]+--[^/]+$/) },
];

const CASES = LANGS.flatMap((lang) => KINDS.map((k) => ({ ...k, lang, url: k.path(lang) })));

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a case's page (sending the empty form if asked) and checks its status. */
async function open(page: Page, c: (typeof CASES)[number]): Promise<void> {
  const res = await page.goto(`${server.baseUrl}${c.url}`);
  if (c.submitEmpty) {
    // the old form's address sent with no answer (a bookmark of it): the question again with an error
    const sent = await page.goto(`${server.baseUrl}${c.url}?${ASKED_FIELD}=${server.site.content.questions[0]!.id}`);
    expect(sent?.status(), 'the form sent with no answer').toBe(400);
    expect(await page.locator('.error-summary').count()).toBe(1);
  } else {
    expect(res?.status()).toBe(c.status ?? 200);
  }
  expect(await page.getAttribute('html', 'lang')).toBe(c.lang);
}

describe.each(CASES.map((c) => [`${c.lang} ${c.kind}`, c] as const))('%s', (_name, c) => {
  const run = c.url ? it : it.skip;

  run.each(WIDTHS)('no axe violations at %i px', async (width) => {
    // axe is a script: only this page bypasses the site's CSP (which forbids scripts) to run it.
    const page = await browser.newPage();
    try {
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Page.setBypassCSP', { enabled: true });
      await page.setViewportSize({ width, height: 800 });
      await open(page, c);
      const violations = await axe(page);
      expect(violations, report(`${page.url()} at ${width} px`, violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  run.each(WIDTHS)('looks right at %i px (no sideways scrolling on a phone; screenshot)', async (width) => {
    const page = await browser.newPage();
    try {
      await page.setViewportSize({ width, height: 800 });
      await open(page, c);
      const { scrollWidth, scrollHeight } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight }));
      expect(scrollWidth, `${c.url} is ${scrollWidth} px wide at ${width} px`).toBeLessThanOrEqual(width);
      // The whole page, unless it is a very long one (all sheets at once): then its first screen.
      const fullPage = scrollHeight <= MAX_SCREENSHOT_HEIGHT;
      await page.screenshot({ path: join(SCREENSHOTS, `${c.lang}-${c.kind}-${width}.png`), fullPage, timeout: 120_000 });
    } finally {
      await page.close();
    }
  });

  run('keyboard: the skip link is the first Tab stop, shows when focused and moves focus to main; focus is visible on every link', async () => {
    const page = await browser.newPage();
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await open(page, c);
      const skip = page.locator('a.skip-link');
      const onScreen = async () =>
        skip.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && r.left < window.innerWidth;
        });
      expect(await onScreen(), 'the skip link is hidden until focused').toBe(false);

      await page.keyboard.press('Tab');
      const firstStop = await page.evaluate(() => ({ cls: document.activeElement?.className, href: document.activeElement?.getAttribute('href') }));
      expect(firstStop, 'the first Tab stop').toEqual({ cls: 'skip-link', href: '#main' });
      expect(await onScreen(), 'the focused skip link is on screen').toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

      // Visible focus: every link reached with Tab looks different from the same link unfocused.
      await open(page, c);
      await page.evaluate(() => {
        const w = window as unknown as { unfocused: Map<Element, string> };
        const look = (el: Element) => {
          const s = getComputedStyle(el);
          return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.backgroundColor, s.boxShadow].join('|');
        };
        w.unfocused = new Map([...document.querySelectorAll('a[href]')].map((a) => [a, look(a)]));
        (window as unknown as { look: typeof look }).look = look;
      });
      const unclear: string[] = [];
      let links = 0;
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const w = window as unknown as { unfocused: Map<Element, string>; look: (el: Element) => string };
          const el = document.activeElement;
          if (!el || el === document.body) return { end: true };
          const before = w.unfocused.get(el);
          return { end: false, link: before !== undefined, same: before === w.look(el), text: `${el.tagName} ${el.getAttribute('href') ?? ''} "${(el.textContent ?? '').trim().slice(0, 40)}"` };
        });
        if (stop.end) break;
        if (!stop.link) continue;
        links++;
        if (stop.same) unclear.push(stop.text ?? '');
      }
      expect(links, 'links reached with Tab').toBeGreaterThan(5);
      expect(unclear, 'links whose focus is not visible').toEqual([]);
    } finally {
      await page.close();
    }
  });
});
