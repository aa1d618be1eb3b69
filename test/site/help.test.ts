import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { publisherWarning } from '../../src/config.js';
import { IN_RUSSIA, needsWarning } from '../../src/content/helpCheck.js';
import type { HelpOrg } from '../../src/content/schema.js';
import { formatDate } from '../../src/site/format.js';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text, unwrapAddresses } from '../helpers.js';

const { app, site } = makeApp({ baseUrl: 'https://example.test' });
const { organisations, sources } = site.content.help;
const places = site.content.questions.find((q) => q.id === 'where')!.options;
const t = (lang: string, key: string, options?: Record<string, unknown>) => site.t[lang]!(key, options);
const get = (path: string) => request(app).get(path);
/** A phone number as the page writes it: it never breaks across lines. */
const shown = (value: string) => escaped(value).replace(/ /g, '\u00a0');

/** One organisation's entry on a page, from its anchor to the end of its block. */
function entry(html: string, id: string): string {
  const start = html.indexOf(`id="help-${id}"`);
  expect(start, `#help-${id}`).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('<p class="help-sources">', start));
}

/** What an entry must show: its status with the day checked, its warning where needed, every contact, its website. */
function expectEntry(html: string, lang: string, o: HelpOrg): void {
  const block = entry(html, o.id);
  expect(block).toContain(escaped(t(lang, `help:statusKinds.${o.status.kind}`)));
  expect(block).toContain(t(lang, 'help:ui.checked', { date: formatDate(lang, o.status.checked) }));
  if (o.status.since) expect(block).toContain(formatDate(lang, o.status.since));
  expect(block).toContain(`href="${escaped(o.website.url)}"`);
  for (const c of o.contacts) expect(block).toContain(c.value ? (c.kind === 'phone' ? shown(c.value) : escaped(c.value)) : escaped(t(lang, 'help:ui.addressOnWebsite')));
  if (needsWarning(o)) {
    const warning = block.indexOf(escaped(text(lang, 'help', `${o.id}.warning`)));
    expect(warning, `${o.id}: its warning`).toBeGreaterThan(0);
    // the warning comes before any way to make contact
    expect(warning).toBeLessThan(block.indexOf('<dl'));
  }
}

describe('the directory as data', () => {
  it.each(places)('%s: at least two organisations answer in Russian and can be reached beyond their website', (place) => {
    const fit = organisations.filter((o) => o.forWhom.includes(place) && o.answersIn.languages.includes('ru') && o.contacts.length > 0);
    expect(fit.length).toBeGreaterThanOrEqual(2);
  });

  it('every fact names a source that exists and a day it was checked', () => {
    const ids = new Set(sources.map((s) => s.id));
    for (const o of organisations) {
      for (const fact of [o.website, o.answersIn, o.status, ...o.contacts]) {
        expect(ids, o.id).toContain(fact.source);
        expect(fact.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('the authorities are not among the organisations that counsel', () => {
    const counsel = new Set(organisations.map((o) => o.id));
    expect(site.content.help.authorities.map((a) => a.id)).toContain('bamf');
    for (const a of site.content.help.authorities) expect(counsel.has(a.id)).toBe(false);
  });
});

describe.each(LANGS)('the help pages in %s', (lang) => {
  it('/help shows every organisation once, with its status, the day checked, every contact and its warning', async () => {
    const res = await get(urls.help(lang));
    expect(res.status).toBe(200);
    for (const o of organisations) {
      expect(res.text.split(`id="help-${o.id}"`).length, o.id).toBe(2);
      expectEntry(res.text, lang, o);
    }
    // grouped by place, each group linking to its page and its organisations' entries
    for (const place of places) expect(res.text).toContain(`href="${urls.helpPlace(lang, place)}"`);
    // the authorities apart, under their own heading
    const authorities = res.text.slice(res.text.indexOf('<section id="authorities"'));
    expect(authorities).toContain(escaped(t(lang, 'help:ui.authoritiesTitle')));
    expect(authorities).toContain('href="https://www.bamf.de"');
    expect(res.text.indexOf('https://www.bamf.de')).toBeGreaterThan(res.text.indexOf('<section id="authorities"'));
    // what contacting may risk, each note with its source
    for (const n of site.content.help.safety) expect(res.text).toContain(escaped(t(lang, `help:safety.${n.id}`)));
  });

  it.each(places)('/help/%s shows the organisations for that place and no other', async (place) => {
    const res = await get(urls.helpPlace(lang, place));
    expect(res.status).toBe(200);
    for (const o of organisations) {
      if (o.forWhom.includes(place)) expectEntry(res.text, lang, o);
      else expect(res.text).not.toContain(`id="help-${o.id}"`);
    }
  });

  it('an unknown place is not found', async () => {
    expect((await get(`/${lang}/help/on-the-moon`)).status).toBe(404);
  });

  it('is in the menu and the footer of every page, and the imprint in the footer', async () => {
    const res = await get(urls.about(lang));
    const navStart = res.text.indexOf('<nav aria-label="' + escaped(t(lang, 'ui:site.menuLabel')));
    const nav = res.text.slice(navStart, res.text.indexOf('</nav>', navStart));
    expect(nav).toContain(`href="${urls.help(lang)}"`);
    const footer = res.text.slice(res.text.indexOf('<footer'));
    expect(footer).toContain(`href="${urls.help(lang)}"`);
    expect(footer).toContain(`href="${urls.imprint(lang)}"`);
  });

  it('the about page says what contacting may risk, with sources, next to the reading-safely text', async () => {
    const res = await get(urls.about(lang));
    const safety = res.text.slice(res.text.indexOf('<section id="safety"'), res.text.indexOf('</section>', res.text.indexOf('<section id="safety"')));
    for (const n of site.content.help.safety) expect(safety).toContain(escaped(t(lang, `help:safety.${n.id}`)));
    expect(safety).toContain('href="https://www.kommersant.ru/doc/8420714"');
  });
});

describe('the sitemap', () => {
  it('lists the help pages and the imprint in every language', async () => {
    const xml = (await get('/sitemap.xml')).text;
    for (const lang of LANGS) {
      for (const path of [urls.help(lang), urls.imprint(lang), ...places.map((p) => urls.helpPlace(lang, p))]) expect(xml).toContain(`<loc>https://example.test${path}</loc>`);
    }
  });
});

describe.each(LANGS)('every outcome in %s', (lang) => {
  const outcomes = site.model.outcomes;

  it('names one or two organisations in "In short", and the help block follows right after it', async () => {
    for (const o of outcomes) {
      const place = o.asked[0]!.answer;
      const html = (await get(urls.checkOutcome(lang, o.asked.map((a) => a.answer)))).text;
      const inShortEnd = html.indexOf('</section>', html.indexOf('<section id="in-short"'));
      const inShort = html.slice(html.indexOf('<section id="in-short"'), inShortEnd);
      const named = [...inShort.matchAll(/href="#help-([a-z0-9-]+)"/g)].map((m) => m[1]!);
      expect(named.length, o.id).toBeGreaterThanOrEqual(1);
      expect(named.length, o.id).toBeLessThanOrEqual(2);
      for (const id of named) {
        const org = organisations.find((x) => x.id === id)!;
        expect(org.forWhom).toContain(place);
        expect(org.answersIn.languages).toContain('ru');
        expect(org.contacts.length).toBeGreaterThan(0);
        if (place === IN_RUSSIA) expect(needsWarning(org), `${o.id}: ${id}`).toBe(false);
      }
      // the help block is the next section
      expect(html.slice(inShortEnd).replace(/^<\/section>\s*/, '').startsWith('<section id="help"'), o.id).toBe(true);
      for (const org of organisations.filter((x) => x.forWhom.includes(place))) expectEntry(html, lang, org);
    }
  });

  it('for readers in Germany, lists the organisations that counsel in German after every one that answers in Russian, with the languages or "not confirmed"', async () => {
    const inGermany = organisations.filter((x) => x.forWhom.includes('in-germany'));
    const russian = inGermany.filter((x) => x.answersIn.languages.includes('ru'));
    const others = inGermany.filter((x) => !x.answersIn.languages.includes('ru'));
    // at least one that counsels in German, and every other one listing no language it was not read to use
    expect(others.some((x) => x.answersIn.languages.includes('de'))).toBe(true);
    const german = new Intl.DisplayNames([lang], { type: 'language' }).of('de')!;
    const checked = outcomes.filter((o) => o.asked[0]!.answer === 'in-germany');
    expect(checked.length).toBeGreaterThan(0);
    for (const o of checked) {
      const html = (await get(urls.checkOutcome(lang, o.asked.map((a) => a.answer)))).text;
      const help = html.slice(html.indexOf('<section id="help"'));
      const lastRussian = Math.max(...russian.map((x) => help.indexOf(`id="help-${x.id}"`)));
      for (const x of others) {
        const at = help.indexOf(`id="help-${x.id}"`);
        expect(at, `${o.id}: ${x.id}`).toBeGreaterThan(lastRussian);
        const block = entry(help, x.id);
        expect(block).toContain(escaped(text(lang, 'help', `${x.id}.what`)));
        expect(block).toContain(x.answersIn.languages.includes('de') ? german : escaped(t(lang, 'help:ui.languagesUnconfirmed')));
      }
      // "In short" never names them
      const inShort = html.slice(html.indexOf('<section id="in-short"'), html.indexOf('<section id="help"'));
      for (const x of others) expect(inShort, `${o.id}: ${x.id}`).not.toContain(`href="#help-${x.id}"`);
    }
  });

  it('never shows an "extremist" or "undesirable" organisation to readers in Russia without its warning', async () => {
    for (const o of outcomes.filter((x) => x.asked[0]!.answer === IN_RUSSIA)) {
      const html = (await get(urls.checkOutcome(lang, o.asked.map((a) => a.answer)))).text;
      for (const org of organisations.filter(needsWarning)) {
        if (!html.includes(`id="help-${org.id}"`)) continue;
        expect(entry(html, org.id)).toContain(escaped(text(lang, 'help', `${org.id}.warning`)));
      }
    }
  });

  /** The organisations a sheet prints, in order: the bold names of its help list. */
  const printedOrgs = (html: string) => {
    const list = html.slice(html.indexOf('<ul class="help help-sheet">'), html.indexOf('</ul>', html.indexOf('<ul class="help help-sheet">')));
    return [...list.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => organisations.find((o) => escaped(o.name) === m[1])!);
  };
  const expectContacts = (html: string, org: HelpOrg, label: string) => {
    for (const c of org.contacts) if (c.value) expect(html, `${label} ${org.id}`).toContain(c.kind === 'phone' ? shown(c.value) : escaped(c.value));
    expect(html).toContain(escaped(org.website.url));
  };

  it('a statement\'s sheet prints up to three organisations that answer in Russian, none whose listing makes contact dangerous, with every contact, and the directory\'s address', async () => {
    const html = unwrapAddresses((await get(urls.sheet(lang, site.content.positions[0]!.id))).text);
    const printed = printedOrgs(html);
    expect(printed.length).toBeGreaterThanOrEqual(2);
    expect(printed.length).toBeLessThanOrEqual(3);
    for (const org of printed) {
      expect(org.answersIn.languages).toContain('ru');
      expect(needsWarning(org)).toBe(false);
      expectContacts(html, org, 'statement');
    }
    for (const org of organisations.filter(needsWarning)) expect(html).not.toContain(`<strong>${escaped(org.name)}</strong>`);
    expect(html).toContain(`https://example.test${urls.help(lang)}`);
  });

  it('each situation\'s sheet prints the first three organisations of its outcome\'s help block, every contact in full, and a line for the counsellor', async () => {
    for (const o of outcomes.filter((_, i) => i % 5 === 0)) {
      const html = unwrapAddresses((await get(urls.sheet(lang, o.id))).text);
      const page = (await get(urls.checkOutcome(lang, o.asked.map((a) => a.answer)))).text;
      const onPage = [...page.slice(page.indexOf('<section id="help"')).matchAll(/<div class="help-org[^"]*" id="help-([a-z0-9-]+)"/g)].map((m) => m[1]!);
      expect(printedOrgs(html).map((x) => x.id), o.id).toEqual(onPage.slice(0, 3));
      for (const org of printedOrgs(html)) {
        expectContacts(html, org, o.id);
        // the status in Russia, with the day checked, where it matters: for readers there, and wherever an organisation is listed
        if (o.asked[0]!.answer === IN_RUSSIA || org.status.kind !== 'none-found') expect(html).toContain(t(lang, 'help:ui.checked', { date: formatDate(lang, org.status.checked) }));
        if (needsWarning(org)) expect(html).toContain(escaped(text(lang, 'help', `${org.id}.warning`)));
      }
      expect(html).toContain(`https://example.test${urls.help(lang)}`);
      expect(html).toContain(escaped(t(lang, 'help:ui.counsellor')));
      expect(html).toContain('class="fill-line"');
    }
  });
});

describe('who publishes this copy', () => {
  it.each(LANGS)('%s: without settings, the imprint and the about page say that no publisher is named', async (lang) => {
    for (const path of [urls.imprint(lang), urls.about(lang)]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.text).toContain(escaped(t(lang, 'help:ui.imprintNone')));
    }
  });

  it.each(LANGS)('%s: with settings, both pages name the publisher, the postal address and the e-mail', async (lang) => {
    const named = makeApp({ publisher: { name: 'Beispiel e.V.', address: 'Musterstraße 1, 10115 Berlin', email: 'kontakt@example.org' } });
    for (const path of [urls.imprint(lang), urls.about(lang)]) {
      const res = await request(named.app).get(path);
      expect(res.text).toContain('Beispiel e.V.');
      expect(res.text).toContain('Musterstraße 1, 10115 Berlin');
      expect(res.text).toContain('href="mailto:kontakt@example.org"');
      expect(res.text).not.toContain(escaped(t(lang, 'help:ui.imprintNone')));
    }
  });

  it('a production start without a publisher prints one warning line; with one, or in development, none', () => {
    const line = publisherWarning({ env: 'production', publisher: undefined });
    expect(line).toMatch(/^warning: PUBLISHER_NAME is not set/);
    expect(line).not.toContain('\n');
    expect(publisherWarning({ env: 'production', publisher: { name: 'X' } })).toBeUndefined();
    expect(publisherWarning({ env: 'development', publisher: undefined })).toBeUndefined();
  });
});
