import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { flatten } from '../../src/content/flatten.js';
import { DEFAULT_DIRS } from '../../src/paths.js';
import { formatDate, formatNumber } from '../../src/site/format.js';
import { typeset } from '../../src/site/typography.js';
import { urls } from '../../src/site/urls.js';
import { LANGS, makeApp } from '../helpers.js';

const { app, site } = makeApp();
const NBSP = '\u00A0';
const show = (s: string) => s.replace(/\u00A0/g, '⍽').replace(/\u202F/g, '⌴');

describe('typeset: the typography of each language, by typograf', () => {
  it.each([
    ['ru', 'По § 22 и № 5: 37 % людей - на 30 ноября 2026 г. в Германии', 'По⍽§⌴22 и⍽№⌴5: 37⍽% людей⍽— на⍽30⍽ноября 2026⍽г. в⍽Германии'],
    ['de', 'Nach § 22 Satz 2 - Art. 16a, Nr. 5, 37% am 30. November 2026', 'Nach §⍽22 Satz 2⍽– Art.⍽16a, Nr.⍽5, 37⍽% am 30.⍽November 2026'],
    ['en', 'Under § 22 - 37 % on 30 November 2026', 'Under §⍽22⍽– 37% on 30⍽November 2026'],
  ])('%s: non-breaking spaces after § and №, before % and a dash, in a day and its month', (lang, input, want) => {
    expect(show(typeset(lang, input))).toBe(want);
  });

  it.each([
    ['ru', 'Он сказал: "это "правило" так"', 'Он⍽сказал: «это „правило“ так»'],
    ['de', 'Er sagte: "das "Regel" so"', 'Er sagte: „das ‚Regel‘ so“'],
    ['en', 'He said: "the "rule" so"', 'He said: “the ‘rule’ so”'],
  ])('%s: nested quotation marks in the style of the language', (lang, input, want) => {
    expect(show(typeset(lang, input))).toBe(want);
  });

  it('keeps placeholders, "получил(а)", "436 Fällen", phone numbers and addresses as written, and writes characters, not entities', () => {
    expect(typeset('ru', 'На {{date}}: {{status, lowerFirst}}.')).toBe(`На${NBSP}{{date}}: {{status, lowerFirst}}.`);
    expect(show(typeset('ru', 'Я получил(а) защиту'))).toBe('Я⍽получил(а) защиту');
    expect(typeset('de', 'in 436 Fällen')).toBe('in 436 Fällen');
    expect(typeset('ru', 'Телефон +49 30 12345-678')).toContain('+49 30 12345-678');
    expect(typeset('de', 'Siehe https://example.org/a-b?x=1')).toContain('https://example.org/a-b?x=1');
    expect(typeset('ru', 'А - Б & "В"')).not.toMatch(/&\w+;|&#/);
  });

  it.each(LANGS)('%s: every locale text keeps its words; only spaces, quotation marks and dashes change', (lang) => {
    const norm = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ').replace(/[«»„“”"]/g, '"').replace(/[‚‘’']/g, "'").replace(/[–—]/g, '-').replace(/ %/g, '%');
    const dir = join(DEFAULT_DIRS.locales, lang);
    let count = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'))) {
      for (const [key, value] of flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>)) {
        if (typeof value !== 'string' || key.includes('.avoid.')) continue;
        expect(norm(typeset(lang, value)), `${lang} ${file} ${key}`).toBe(norm(value));
        count++;
      }
    }
    expect(count).toBeGreaterThan(500);
  });
});

describe('dates and numbers from the locale', () => {
  it('formats dates with Intl, Russian with "г.", each with a non-breaking space between day and month', () => {
    expect(show(formatDate('ru', '2026-11-30'))).toBe('30⍽ноября 2026⍽г.');
    expect(show(formatDate('ru', '2022'))).toBe('2022⍽г.');
    expect(show(formatDate('de', '2026-11-30'))).toBe('30.⍽November 2026');
    expect(show(formatDate('en', '2026-11-30'))).toBe('30⍽November 2026');
  });

  it('writes the status line as a sentence: the date, a colon, the status in lower case, one full stop', () => {
    const line = (lang: string) =>
      site.t[lang]!('ui:now.short', { status: site.t[lang]!('ui:status.suspended'), date: formatDate(lang, '2026-11-30') });
    expect(show(line('ru'))).toMatch(/^На⍽30⍽ноября 2026⍽г\.: п[^.]*\.$/);
    expect(show(line('de'))).toMatch(/^Stand 30\.⍽November 2026: a[^.]*\.$/);
    expect(show(line('en'))).toMatch(/^As of 30⍽November 2026: s[^.]*\.$/);
  });

  it('groups thousands as the texts do: "6374" in Russian, "6.374" in German, "6,374" in English; 5 digits grouped everywhere', () => {
    expect(formatNumber('ru', 6374)).toBe('6374');
    expect(show(formatNumber('ru', 57415))).toBe('57⍽415');
    expect(formatNumber('de', 6374)).toBe('6.374');
    expect(formatNumber('en', 6374)).toBe('6,374');
    expect(show(formatNumber('de', 37, 'percent'))).toBe('37⍽%');
  });
});

/** The words of a page a reader sees: no originals (quotes in <blockquote>, titles in <cite>), no markup, entities decoded. */
function readerText(html: string): string {
  const meta = [...html.matchAll(/<meta (?:name|property)="(?:description|og:description|og:title)" content="([^"]*)"/g)].map((m) => m[1]);
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const body = html
    .replace(/<(script|style|blockquote|cite)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, '');
  return [title, ...meta, body]
    .join('\n')
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Where a plain space stands where the language's typography wants a non-breaking one, with a little context. */
const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'plain space after §', pattern: /§ (?=\d)/g },
  { name: 'plain space after №', pattern: /№ (?=\d)/g },
  { name: 'plain space before %', pattern: /\d %/g },
  { name: 'plain space before a dash', pattern: /\S [—–](?=\s)/g },
  { name: 'two full stops after an abbreviation', pattern: /\s\p{L}{1,3}\.\.(?!\.)/gu },
  { name: 'status line in the old words', pattern: /Heute \(|Сейчас \(|для сегодня|Für heute|На сегодня не подтвержд/g },
];

function findings(text: string): string[] {
  return RULES.flatMap(({ name, pattern }) => [...text.matchAll(pattern)].map((m) => `${name}: …${text.slice(Math.max(0, m.index - 30), m.index + 12).replace(/\s+/g, ' ')}…`));
}

/** Every spelling of a number other than the locale's own ("6374", "6 374", "6,374", "6.374"). */
function otherSpellings(value: number, own: string): RegExp | undefined {
  const digits = String(value);
  if (digits.length < 4) return undefined;
  const groups = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '|').split('|');
  const spellings = [digits, ...[' ', '\u00A0', '\u202F', ',', '.'].map((sep) => groups.join(sep))].filter((s) => s !== own);
  return new RegExp(`(?<![\\d.,])(?:${spellings.map((s) => s.replace(/[.]/g, '\\.')).join('|')})(?![\\d]|[.,]\\d)`, 'g');
}

const sitemap = (await request(app).get('/sitemap.xml')).text;
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
/** Every page of the sitemap as served, fetched once for all the tests below. */
const served = new Map<string, { status: number; html: string }>();
for (const path of paths) {
  const res = await request(app).get(path);
  served.set(path, { status: res.status, html: res.text });
}
const pagesOf = (lang: string) => [...served].filter(([path]) => path.startsWith(`/${lang}/`));

describe('every page of the sitemap in Russian and German', () => {
  it('lists pages in both languages', () => {
    for (const lang of ['ru', 'de']) expect(paths.filter((p) => p.startsWith(`/${lang}/`)).length, lang).toBeGreaterThan(50);
  });

  it.each(['ru', 'de'])('%s: no §, №, % or dash is separated from its neighbour by a plain space; no entity is escaped twice', (lang) => {
    const found: string[] = [];
    for (const [path, { status, html }] of pagesOf(lang)) {
      expect(status, path).toBe(200);
      if (/&amp;(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(html)) found.push(`${path}: an HTML entity escaped twice`);
      for (const f of findings(readerText(html))) found.push(`${path}: ${f}`);
    }
    expect(found).toEqual([]);
  });

  it.each(['ru', 'de'])('%s: the offline edition (one file with every page) follows the same typography', async (lang) => {
    const res = await request(app).get(urls.offline(lang));
    expect(res.status).toBe(200);
    expect(res.text.length).toBeGreaterThan(100_000);
    expect(findings(readerText(res.text))).toEqual([]);
  });

  it.each(['ru', 'de'])('%s: the feed\'s titles and summaries follow the same typography', async (lang) => {
    const res = await request(app).get(`/${lang}/updates.xml`);
    expect(res.status).toBe(200);
    const titles = [...res.text.matchAll(/<(title|summary|subtitle)>([^<]*)<\/\1>/g)].map((m) => m[2]!).join('\n');
    expect(titles.length).toBeGreaterThan(100);
    expect(findings(titles)).toEqual([]);
  });
});

describe('chart numbers and text numbers are written the same way', () => {
  it.each(LANGS)('%s: no page writes a chart\'s number in another form than the chart does', (lang) => {
    const found: string[] = [];
    const numbers = site.content.charts.filter((c) => c.unit === 'count').flatMap((c) => c.bars.map((b) => b.value));
    expect(numbers.some((v) => v >= 1000)).toBe(true);
    const checks = numbers.map((v) => ({ v, own: formatNumber(lang, v), other: otherSpellings(v, formatNumber(lang, v)) })).filter((c) => c.other);
    for (const [path, { html }] of pagesOf(lang)) {
      const text = readerText(html);
      for (const { own, other } of checks) for (const m of text.matchAll(other!)) found.push(`${path}: "${m[0]}" where the chart writes "${own}"`);
    }
    expect([...new Set(found)]).toEqual([]);
  });
});
