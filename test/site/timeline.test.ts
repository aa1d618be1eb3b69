import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '../../src/site/format.js';
import { renderPage } from '../../src/site/page.js';
import { pageTable } from '../../src/site/pages/index.js';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text } from '../helpers.js';

const { app, site } = makeApp();
const table = pageTable(site);
const { positions, charts } = site.content;
const html = (path: string) => renderPage(site, table.get(path)!());

describe('/{lang}/timeline', () => {
  it.each(LANGS)('%s: lists every position exactly once, in date order, grouped by year, each with its kind and status in words', async (lang) => {
    const res = await request(app).get(urls.timeline(lang));
    expect(res.status).toBe(200);
    const entries = [...res.text.matchAll(/<li class="timeline-entry" id="entry-([^"]+)">([\s\S]*?)<\/li>/g)];
    expect(entries.map((e) => e[1]).sort()).toEqual(positions.map((p) => p.id).sort());
    const dated = entries.map((e) => /datetime="([^"]+)"/.exec(e[2]!)?.[1]).filter((d): d is string => d !== undefined);
    expect(dated).toEqual([...dated].sort());
    // undated entries (law) come after every dated one
    const firstUndated = entries.findIndex((e) => !/datetime=/.test(e[2]!));
    if (firstUndated >= 0) expect(entries.slice(firstUndated).every((e) => !/datetime=/.test(e[2]!))).toBe(true);
    for (const [, id, body] of entries) {
      const p = site.model.positionById.get(id!)!;
      expect(body).toContain(escaped(text(lang, 'ui', `kinds.${p.kind}.label`)));
      // the status line lower-cases the status after its colon
      expect(body!.toLowerCase()).toContain(escaped(text(lang, 'ui', `status.${p.status.kind}`)).toLowerCase());
      expect(body).toContain(`href="${urls.position(lang, p.id)}"`);
      if (p.saidOn) expect(res.text.indexOf(`<h2 id="year-${p.saidOn.slice(0, 4)}"`)).toBeLessThan(res.text.indexOf(`id="entry-${p.id}"`));
    }
  });

  it.each(LANGS)('%s: is linked from the start page and from every position\'s "now" block', (lang) => {
    expect(html(urls.home(lang))).toContain(`href="${urls.timeline(lang)}"`);
    for (const p of positions) {
      const page = html(urls.position(lang, p.id));
      const now = page.slice(page.indexOf('<section id="now"'), page.indexOf('</section>', page.indexOf('<section id="now"')));
      expect(now, p.id).toContain(`href="${urls.timeline(lang)}"`);
    }
  });
});

describe('charts of the official figures', () => {
  it('has the four charts the issue names and the two of December 2026', () => {
    expect(charts.map((c) => c.id).sort()).toEqual(['applications-2022-2025', 'applications-2023-2025', 'decisions-2022', 'protection-rate-2023-2025', 'protection-share', 'section-22-admissions']);
  });

  it.each(LANGS)('%s: each chart shows the numbers of the data as text, its date and source, on its position\'s page and on the timeline', (lang) => {
    const timeline = html(urls.timeline(lang));
    for (const c of charts) {
      for (const page of [html(urls.position(lang, c.position)), timeline]) {
        const start = page.indexOf(`id="chart-${c.id}"`);
        expect(start, c.id).toBeGreaterThan(0);
        const figure = page.slice(start, page.indexOf('</figure>', start));
        expect(figure).toContain(escaped(text(lang, 'figures', `${c.id}.title`)));
        expect(figure).toContain(`#source-${c.source}`);
        const max = Math.max(...c.bars.map((b) => b.value));
        const values = [...figure.matchAll(/<span class="bar-value">([^<]+)<\/span>/g)].map((m) => m[1]);
        expect(values).toEqual(c.bars.map((b) => escaped(formatNumber(lang, b.value, c.unit))));
        const widths = [...figure.matchAll(/<rect x="0" y="0" width="([\d.]+)"/g)].map((m) => Number(m[1]));
        c.bars.forEach((b, i) => {
          expect(figure).toContain(escaped(text(lang, 'figures', `${c.id}.bars.${b.id}`)));
          expect(widths[i]).toBeCloseTo(Math.max((b.value / (c.unit === 'percent' ? 100 : max)) * 100, 0.5), 0);
        });
      }
    }
  });

  it('writes numbers the way each language does', () => {
    expect(formatNumber('en', 2594)).toBe('2,594');
    expect(formatNumber('de', 2594)).toBe('2.594');
    // Russian leaves four-digit numbers whole, as its texts do, and groups longer ones
    expect(formatNumber('ru', 2594)).toBe('2594');
    expect(formatNumber('ru', 12594)).toBe('12\u00a0594');
    expect(formatNumber('en', 37, 'percent')).toBe('37%');
    expect(formatNumber('de', 37, 'percent')).toBe('37\u00a0%');
  });
});

describe('the record of changes', () => {
  it.each(LANGS)('%s: each position page says when it was last updated and lists its changes, newest first', (lang) => {
    for (const p of positions) {
      const page = html(urls.position(lang, p.id));
      const shown = p.changes.filter((c) => !c.languages || c.languages.includes(lang));
      const newest = shown.map((c) => c.on).sort().at(-1)!;
      expect(page).toContain(`<a href="#changes">${escaped(text(lang, 'ui', 'changes.lastUpdated').replace('{{date}}', formatDate(lang, newest)))}</a>`);
      const section = page.slice(page.indexOf('<section id="changes"'), page.indexOf('</section>', page.indexOf('<section id="changes"')));
      const days = [...section.matchAll(/<time datetime="([^"]+)">/g)].map((m) => m[1]);
      expect(days).toEqual(shown.map((c) => c.on).reverse());
      expect(days[0]).toBe(newest);
      for (const c of shown) {
        expect(section).toContain(escaped(text(lang, 'ui', `changeKinds.${c.kind}`)));
        if (c.note) expect(section).toContain(escaped(text(lang, 'changes', c.note)));
      }
    }
  });

  it('shows a corrected translation only to readers of that language, and calls a correction a correction', () => {
    const corrected = positions.find((p) => p.changes.some((c) => c.kind === 'correction' && c.languages && !c.languages.includes('en')))!;
    expect(corrected).toBeDefined();
    const change = corrected.changes.find((c) => c.kind === 'correction')!;
    const lang = change.languages![0]!;
    expect(html(urls.position(lang, corrected.id))).toContain(escaped(text(lang, 'ui', 'changeKinds.correction')));
    expect(html(urls.position('en', corrected.id))).not.toContain(escaped(text('en', 'changes', change.note!)));
  });

  it.each(LANGS)('%s: /updates lists each change once, grouped by day (newest first), with every page it touched and that page\'s anchor', async (lang) => {
    const res = await request(app).get(urls.updates(lang));
    expect(res.status).toBe(200);
    const expected = site.model.changes.filter((c) => !c.languages || c.languages.includes(lang));
    // each page's own anchor, each once, linking to its page
    const pages = [...res.text.matchAll(/<li id="(change-[^"]+)"><a href="([^"]+)">/g)];
    expect(pages.map((m) => `${m[1]} ${m[2]}`).sort()).toEqual(expected.map((c) => `${c.anchor} ${urls.position(lang, c.position.id)}`).sort());
    expect(new Set(pages.map((m) => m[1])).size).toBe(pages.length);
    // one entry per day, kind and note
    const entries = [...res.text.matchAll(/<li id="(change-\d{4}-\d{2}-\d{2}-[^"]+)" class="update-change"><strong/g)].map((m) => m[1]);
    const distinct = new Set(expected.map((c) => `change-${c.on}-${c.kind}${c.note ? `-${c.note}` : ''}`));
    // grouped by kind within a day, so compared as sets
    expect([...entries].sort()).toEqual([...distinct].sort());
    expect(entries.length).toBeLessThan(expected.length);
    const days = [...res.text.matchAll(/<h2 id="day-([^"]+)">/g)].map((m) => m[1]!);
    expect(days).toEqual([...new Set(expected.map((c) => c.on))]);
    expect(days).toEqual([...days].sort().reverse());
  });
});

describe('/{lang}/updates.xml', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link'].includes(name) });

  it.each(LANGS)('%s: is a valid Atom feed: every entry has a unique id, a date and a link that answers 200', async (lang) => {
    const res = await request(app).get(urls.feed(lang));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(res.text)).toBe(true);
    const { feed } = parser.parse(res.text) as { feed: Record<string, unknown> & { entry: Record<string, unknown>[] } };
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const field of ['id', 'title', 'updated', 'author']) expect(feed[field], field).toBeTruthy();
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
    expect(feed.updated).toMatch(rfc3339);
    const expected = site.model.changes.filter((c) => !c.languages || c.languages.includes(lang));
    expect(feed.entry.length).toBe(expected.length);
    const ids = new Set<string>();
    for (const e of feed.entry) {
      expect(String(e.id)).toMatch(/^https?:\/\//);
      ids.add(String(e.id));
      expect(e.title).toBeTruthy();
      expect(e.updated).toMatch(rfc3339);
      const link = (e.link as Record<string, string>[])[0]!['@_href']!;
      expect(link.startsWith(site.config.baseUrl)).toBe(true);
      const page = await request(app).get(link.slice(site.config.baseUrl.length));
      expect(page.status, link).toBe(200);
    }
    expect(ids.size).toBe(feed.entry.length);
  });

  it.each(LANGS)('%s: every page names the feed in its head', (lang) => {
    for (const path of [urls.home(lang), urls.position(lang, positions[0]!.id), urls.glossary(lang)]) {
      expect(html(path)).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" href="${urls.feed(lang).replace(/\./g, '\\.')}" title="[^"]+">`));
    }
  });
});

describe('the JSON API has the timeline and the changes', () => {
  it.each(LANGS)('%s: /api/v1/timeline and /api/v1/changes', async (lang) => {
    const timeline = await request(app).get(`/api/v1/timeline?lang=${lang}`);
    expect(timeline.status).toBe(200);
    const body = timeline.body as { entries: { id: string }[]; charts: { id: string; bars: { value: number }[] }[] };
    expect(body.entries.map((e) => e.id)).toEqual(site.model.timeline.map((p) => p.id));
    expect(body.charts.map((c) => c.bars.map((b) => b.value))).toEqual(charts.map((c) => c.bars.map((b) => b.value)));
    const changes = await request(app).get(`/api/v1/changes?lang=${lang}`);
    expect(changes.status).toBe(200);
    expect((changes.body as { changes: unknown[] }).changes.length).toBe(site.model.changes.filter((c) => !c.languages || c.languages.includes(lang)).length);
  });
});
