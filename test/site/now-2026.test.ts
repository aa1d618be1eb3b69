import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '../../src/site/format.js';
import { renderPage } from '../../src/site/page.js';
import { pageTable } from '../../src/site/pages/index.js';
import { statusWords } from '../../src/site/statusWords.js';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text, unwrapAddresses } from '../helpers.js';

/**
 * The December 2026 pass over every "now": the later developments it added, their charts, the
 * 2026 reform always with its as-of date, the safe-third-country rule on the answers it concerns,
 * and an appeal-deadline entry that never says a bare "not confirmed".
 */
const { app, site } = makeApp();
const table = pageTable(site);
const NEW_POSITIONS = ['asylum-figures-2023-2025', 'eu-procedure-reform-2026', 'safe-third-country-2026', 'schengen-visas-2025', 'russian-conscription-2026'];
const NEW_CHARTS = ['applications-2023-2025', 'protection-rate-2023-2025'];
const REFORM_POSITIONS = ['eu-asylum-reform-2026', 'eu-procedure-reform-2026', 'safe-third-country-2026'];

/** Visible text of a page: tags dropped, entities and the spaces typography may insert made plain. */
function visible(html: string): string {
  return unwrapAddresses(html)
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|[\u00a0\u202f]/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
/** The page's own content: the footer's "content last reviewed" date does not count as the reform's as-of date. */
function mainText(html: string): string {
  const start = html.indexOf('<main');
  expect(start).toBeGreaterThanOrEqual(0);
  return visible(html.slice(start, html.indexOf('</main>', start)));
}
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

/** Words that speak of the EU asylum reform of 2026, in each language. */
const REFORM: Record<string, RegExp> = {
  en: /\b2024\/13(?:47|48|51)\b|\bEU (?:asylum )?reform\b|\b(?:12 June|1 July) 2026\b/i,
  ru: /2024\/13(?:47|48|51)|реформ\S* (?:убежища в )?ЕС|(?:12 июня|1 июля) 2026/i,
  de: /2024\/13(?:47|48|51)|EU-(?:Asyl)?[Rr]eform|GEAS|(?:12\. Juni|1\. Juli) 2026/,
};
/** The name of the safe-third-country rule, in each language. */
const SAFE_THIRD: Record<string, RegExp> = {
  en: /safe-third-country rule/,
  ru: /правил\S* ЕС о безопасной третьей стране/,
  de: /EU-Regel zum sicheren Drittstaat/,
};

describe('the later developments added in December 2026', () => {
  it.each(LANGS.flatMap((lang) => NEW_POSITIONS.map((id) => [lang, id] as const)))('%s %s: its page, sheet and timeline entry show it', async (lang, id) => {
    const p = site.model.positionById.get(id);
    expect(p, id).toBeDefined();
    const page = await request(app).get(urls.position(lang, id));
    expect(page.status).toBe(200);
    expect(page.text).toContain(escaped(text(lang, 'positions', `${id}.title`)));
    for (const para of text(lang, 'positions', `${id}.summary`).split(/\n\s*\n/)) expect(page.text).toContain(escaped(para.trim()));
    expect(page.text).toContain(escaped(site.t[lang]!('ui:now.title', { date: formatDate(lang, p!.status.checkedOn) })));
    const sheet = await request(app).get(urls.sheet(lang, id));
    expect(sheet.status).toBe(200);
    expect(sheet.text).toContain(escaped(text(lang, 'positions', `${id}.title`)));
    const timeline = await request(app).get(urls.timeline(lang));
    expect(timeline.text).toContain(`id="entry-${id}"`);
  });

  it.each(LANGS.flatMap((lang) => NEW_CHARTS.map((id) => [lang, id] as const)))('%s %s: the chart is on its position page and the timeline, with every figure, its date and its note', async (lang, id) => {
    const chart = site.content.charts.find((c) => c.id === id);
    expect(chart, id).toBeDefined();
    for (const url of [urls.position(lang, chart!.position), urls.timeline(lang)]) {
      const res = await request(app).get(url);
      expect(res.status).toBe(200);
      const start = res.text.indexOf(`chart-${id}"`);
      expect(start, `${url} shows chart ${id}`).toBeGreaterThanOrEqual(0);
      const figure = res.text.slice(start, res.text.indexOf('</figure>', start));
      expect(figure).toContain(escaped(text(lang, 'figures', `${id}.title`)));
      expect(figure).toContain(escaped(text(lang, 'figures', `${id}.note`)));
      expect(figure).toContain(escaped(site.t[lang]!('ui:figures.asOf', { date: formatDate(lang, chart!.asOf) })));
      for (const bar of chart!.bars) {
        expect(figure).toContain(escaped(text(lang, 'figures', `${id}.bars.${bar.id}`)));
        expect(figure).toContain(escaped(formatNumber(lang, bar.value, chart!.unit)));
      }
    }
  });

  it('percentages keep their decimal: the 2024 and 2025 rates read 10.2 % and 6.8 %, not rounded', () => {
    expect(formatNumber('en', 10.2, 'percent')).toBe('10.2%');
    expect(plain(formatNumber('de', 6.8, 'percent'))).toBe('6,8 %');
    expect(plain(formatNumber('ru', 6.8, 'percent'))).toBe('6,8 %');
  });
});

describe('no page speaks of the 2026 reform without its as-of date', () => {
  const asOf = REFORM_POSITIONS.map((id) => site.model.positionById.get(id)!.status.checkedOn).sort().at(-1)!;
  const htmlPaths = [...table.keys()].filter((path) => LANGS.some((lang) => path === `/${lang}` || path.startsWith(`/${lang}/`)) && !/\.(?:xml|svg|txt|json)$/.test(path));

  it.each(LANGS)('%s: every page that mentions the reform also shows the date it was checked', (lang) => {
    const date = plain(formatDate(lang, asOf));
    const speaking: string[] = [];
    const missing: string[] = [];
    for (const path of htmlPaths.filter((p) => p === `/${lang}` || p.startsWith(`/${lang}/`))) {
      const body = mainText(renderPage(site, table.get(path)!()));
      if (!REFORM[lang]!.test(body)) continue;
      speaking.push(path);
      if (!body.includes(date)) missing.push(path);
    }
    // the rule is not checked against nothing: the reform entries, the answers and the glossary speak of it
    expect(speaking.length).toBeGreaterThan(10);
    expect(speaking).toContain(urls.position(lang, 'eu-procedure-reform-2026'));
    expect(missing).toEqual([]);
  }, 120_000);
});

describe('the finder answers outside-eu and other-eu name the safe-third-country rule', () => {
  const whoOptions = site.content.questions.find((q) => q.id === 'who')!.options;
  const cases = LANGS.flatMap((lang) => ['outside-eu', 'other-eu'].flatMap((where) => whoOptions.map((who) => [lang, where, who] as const)));

  it.each(cases)('%s %s/%s: the rule, its date, and a link to its entry', async (lang, where, who) => {
    const res = await request(app).get(urls.checkOutcome(lang, [where, who]));
    expect(res.status).toBe(200);
    const body = visible(res.text);
    expect(body).toMatch(SAFE_THIRD[lang]!);
    expect(body).toContain(plain(formatDate(lang, site.model.positionById.get('safe-third-country-2026')!.status.checkedOn)));
    expect(res.text).toContain(`href="${urls.position(lang, 'safe-third-country-2026')}"`);
  });

  it.each(LANGS)('%s: the answer texts themselves say it (also on paper and in the offline edition, which reuse them)', (lang) => {
    for (const where of ['outside-eu', 'other-eu']) {
      expect(plain(text(lang, 'finder', `where.options.${where}.outcome`))).toMatch(SAFE_THIRD[lang]!);
      expect(plain(text(lang, 'finder', `where.options.${where}.short`))).toMatch(SAFE_THIRD[lang]!);
    }
  });
});

describe('an appeal-deadline entry never says a bare "not confirmed"', () => {
  const id = 'appeal-deadlines';
  const p = site.model.positionById.get(id)!;
  const stages = ['dublin-decision', 'rejected'];
  const whoOptions = site.content.questions.find((q) => q.id === 'who')!.options;

  /** Every place a page shows the words of the "unconfirmed" status: each must be followed by what is unconfirmed. */
  function bare(html: string, lang: string): number {
    // the status line lower-cases the status after its colon ("As of …: not confirmed for today (…)")
    const body = visible(html).toLowerCase();
    const words = plain(text(lang, 'ui', 'status.unconfirmed')).toLowerCase();
    return body.split(words).slice(1).filter((rest) => !rest.startsWith(' (')).length;
  }

  it.each(LANGS)('%s: the entry says what is not confirmed, and that the decision letter states the deadline', (lang) => {
    expect(p.status.kind).toBe('unconfirmed');
    const what = text(lang, 'positions', `${id}.unconfirmed`);
    expect(plain(what)).toMatch(/Rechtsbehelfsbelehrung|instructions on legal remedies|разъяснении о порядке обжалования/);
    expect(text(lang, 'positions', `${id}.now`)).toContain('Rechtsbehelfsbelehrung');
    expect(text(lang, 'positions', `${id}.nextSteps`)).toContain('Rechtsbehelfsbelehrung');
    expect(statusWords(site.t[lang]!, p.status.kind, id)).toContain(what);
  });

  it.each(LANGS)('%s: its page, its sheet, the timeline and the answers it belongs to show no bare "not confirmed"', async (lang) => {
    const urlsToCheck = [
      urls.position(lang, id),
      urls.sheet(lang, id),
      urls.timeline(lang),
      ...stages.flatMap((stage) => whoOptions.map((who) => urls.checkOutcome(lang, ['in-germany', who, stage]))),
    ];
    for (const url of urlsToCheck) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(200);
      expect(visible(res.text).toLowerCase(), url).toContain(plain(statusWords(site.t[lang]!, p.status.kind, id)).toLowerCase());
      expect(bare(res.text, lang), url).toBe(0);
    }
  });

  it.each(LANGS)('%s: the answers for a Dublin decision and a rejection send the reader to the instructions on legal remedies', (lang) => {
    for (const stage of stages) {
      const outcome = text(lang, 'finder', `stage.options.${stage}.outcome`);
      expect(outcome).toContain('Rechtsbehelfsbelehrung');
      expect(text(lang, 'finder', `stage.options.${stage}.short`)).toContain('Rechtsbehelfsbelehrung');
    }
  });
});
