import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatProblem } from '../../src/content/problems.js';
import { findVariant } from '../../src/content/terminology.js';
import { LANGS } from '../helpers.js';
import { expectProblem, Fixture, type Json, eachTestFixture } from './fixture.js';

const TODAY = '2026-12-06'; // the day the help directory (rules/help.yaml) was checked: no date may be later

describe('the real content keeps its words consistent', () => {
  const fx = new Fixture();
  const result = fx.load(TODAY);
  afterAll(() => fx.cleanup());

  it('loads, and no text uses a variant its glossary says to avoid', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.termWarnings.map(formatProblem)).toEqual([]);
  });

  it('has every glossary term in every language, with a term and an explanation', () => {
    const ids = result.content!.glossary.map((t) => t.id);
    for (const lang of LANGS) {
      const glossary = fx.readJson(`locales/${lang}/glossary.json`);
      for (const id of ids) {
        const entry = glossary[id] as { term?: string; short?: string; explain?: string };
        expect(entry?.term, `${lang} ${id}`).toBeTruthy();
        expect(entry?.short, `${lang} ${id}`).toBeTruthy();
        expect(entry?.explain, `${lang} ${id}`).toBeTruthy();
      }
    }
  });

  it('lists the terms each position uses, all known to the glossary', () => {
    const ids = new Set(result.content!.glossary.map((t) => t.id));
    for (const p of result.content!.positions) {
      expect(p.terms.length, p.id).toBeGreaterThan(0);
      for (const t of p.terms) expect(ids.has(t), `${p.id}: ${t}`).toBe(true);
    }
  });

  it('has at least one rule to avoid a variant in Russian and in German (the language review)', () => {
    for (const lang of ['ru', 'de']) {
      const rules = [...(result.content!.locales.avoid[lang]?.values() ?? [])].flat();
      expect(rules.length, lang).toBeGreaterThan(3);
    }
  });
});

describe('npm run check warns about avoided variants and fails on missing terms', () => {
  const fx = eachTestFixture();

  it('every plain avoid rule of every language warns on its own wording, naming file, key, variant and preferred term', () => {
    const rules = LANGS.flatMap((lang) => {
      const glossary = fx.readJson(`locales/${lang}/glossary.json`) as Record<string, { term: string; avoid?: string[] }>;
      return Object.entries(glossary).flatMap(([id, e]) => (e.avoid ?? []).filter((v) => !v.startsWith('/')).map((v) => ({ lang, id, term: e.term, variant: v })));
    });
    expect(rules.length).toBeGreaterThan(0);
    // Every language gets the same planted keys (translations must have the English keys): the variant where it has one.
    for (const lang of LANGS) {
      fx.editJson(`locales/${lang}/ui.json`, (ui: Json) => {
        rules.forEach((r, i) => {
          ui[`planted${i}`] = r.lang === lang ? `Text with ${r.variant.replace(/\*/g, '')} in it.` : 'Text.';
        });
      });
    }
    const result = fx.load(TODAY);
    rules.forEach((r, i) => {
      const hit = result.termWarnings.find((w) => w.file === fx.path(`locales/${r.lang}/ui.json`) && w.path === `planted${i}`);
      expect(hit, `${r.lang} "${r.variant}"`).toBeDefined();
      expect(hit!.message).toContain(`write "${r.term}"`);
      expect(hit!.message).toContain(`glossary term "${r.id}"`);
    });
  });

  it('warns on a planted variant in German text, with file and key, and the load still succeeds', () => {
    fx.editJson('locales/de/glossary.json', (g: Json) => {
      (g['call-up-order'] as { avoid: string[] }).avoid.push('Stellungsbefehl*');
    });
    fx.editJson('locales/de/caveats.json', (c: Json) => {
      const key = Object.keys(c)[0]!;
      c[key] = `${String(c[key])} Ein Stellungsbefehle kam.`;
    });
    const result = fx.load(TODAY);
    expect(result.content).toBeDefined();
    const hit = result.termWarnings.find((w) => w.message.includes('Stellungsbefehle'));
    expect(hit?.file).toBe(fx.path('locales/de/caveats.json'));
    expect(`${hit?.path}: ${hit?.message}`).toMatch(/^[\w-]+: uses "Stellungsbefehle", a variant to avoid: write ".+" \(glossary term "call-up-order"\)$/);
  });

  it('does not warn about an original quote in its own language', () => {
    const result = fx.load(TODAY);
    const deQuote = result.content!.positions.flatMap((p) => p.sources.filter((s) => s.quote).map((s) => ({ p: p.id, s: s.source })))
      .find(({ s }) => result.content!.sources.find((x) => x.id === s)?.lang === 'de');
    expect(deQuote).toBeDefined();
    fx.editJson('locales/de/glossary.json', (g: Json) => {
      const quote = (fx.readJson('locales/de/positions.json')[deQuote!.p] as { quotes: Record<string, string> }).quotes[deQuote!.s]!;
      (g['asylum'] as { avoid: string[] }).avoid.push(quote.split(/\s+/).slice(0, 2).join(' '));
    });
    const after = fx.load(TODAY);
    expect(after.termWarnings.filter((w) => w.path === `${deQuote!.p}.quotes.${deQuote!.s}`)).toEqual([]);
  });

  it('fails on a term used by a position but missing from a translation of the glossary', () => {
    const result0 = fx.load(TODAY);
    const used = result0.content!.positions[0]!.terms[0]!;
    fx.editJson('locales/ru/glossary.json', (g: Json) => {
      delete g[used];
    });
    expectProblem(fx.load(TODAY), fx, { file: 'locales/ru/glossary.json', path: `${used}.term`, message: 'is missing: add the translation' });
  });

  it('fails on a position that names a term the glossary does not have', () => {
    const file = 'rules/positions/deserters-protection.yaml';
    fx.edit(file, (t) => t.replace(/^terms: \[/m, 'terms: [no-such-term, '));
    expectProblem(fx.load(TODAY), fx, { file, path: 'terms[0]', message: 'there is no glossary term "no-such-term"' });
  });

  it('fails on a glossary term without its English text, and on an avoid rule that is not a valid pattern or not a list', () => {
    fx.edit('rules/glossary.yaml', (t) => `${t.trimEnd()}\n  - { id: brand-new-term }\n`);
    fx.editJson('locales/de/glossary.json', (g: Json) => {
      (g['asylum'] as { avoid: string[] }).avoid.push('/unclosed(/');
      (g['deserter'] as { avoid: unknown }).avoid = 'Fahnenflucht';
    });
    const result = fx.load(TODAY);
    expectProblem(result, fx, { file: 'locales/en/glossary.json', path: 'brand-new-term.term', message: 'is missing: write this text' });
    const avoidIndex = (fx.readJson('locales/de/glossary.json')['asylum'] as { avoid: string[] }).avoid.length - 1;
    expectProblem(result, fx, { file: 'locales/de/glossary.json', path: `asylum.avoid[${avoidIndex}]`, message: 'is not a valid pattern' });
    expectProblem(result, fx, { file: 'locales/de/glossary.json', path: 'deserter.avoid', message: 'must be a list of variants' });
  });

  it('fails on a source marked with a publisher note that has no text in a language', () => {
    fx.editJson('locales/de/sources.json', (s: Json) => {
      delete s['rfi-2022-09-late'];
    });
    expectProblem(fx.load(TODAY), fx, { file: 'locales/de/sources.json', path: 'rfi-2022-09-late.publisher', message: 'is missing: add the translation' });
  });
});

describe('how avoid rules match', () => {
  it('matches whole words, ignoring case; a trailing * allows any ending; /…/ is a regular expression', () => {
    expect(findVariant('A draft dodger left.', 'draft dodger')).toBe('draft dodger');
    expect(findVariant('A Draft  Dodger left.', 'draft dodger')).toBe('Draft  Dodger');
    expect(findVariant('draft dodgers', 'draft dodger')).toBeUndefined();
    expect(findVariant('Einberufungsbefehls', 'Einberufungsbefehl*')).toBe('Einberufungsbefehls');
    expect(findVariant('военнообязанного возраста', 'военнообязанн* возраст*')).toBe('военнообязанного возраста');
    expect(findVariant('Закона о пребывании иностранцев', '/закон\\S* о пребывании(?! иностранцев)/')).toBeUndefined();
    expect(findVariant('Закона о пребывании, который', '/закон\\S* о пребывании(?! иностранцев)/')).toBe('Закона о пребывании');
  });

  it('the Russian § 22 rules catch «положение» for Satz next to § 22, not the sentences of other sections', () => {
    const ru = JSON.parse(readFileSync(new URL('../../locales/ru/glossary.json', import.meta.url), 'utf8')) as Record<string, { avoid: string[] }>;
    const hit = (text: string, id: string) => ru[id]!.avoid.map((v) => findVariant(text, v)).find((m) => m !== undefined);
    expect(hit('по второму положению (Satz 2) § 22 Закона', 'section-22-sentence-2')).toBe('второму положени');
    expect(hit('§ 22, положение 2, Закона', 'section-22-sentence-2')).toBeDefined();
    expect(hit('Первое положение (Satz 1): Германия может', 'section-22-sentence-1')).toBeDefined();
    expect(hit('§ 34a, абзац 2, положения (Satz) 1 и 3; § 36, абзац 3, положения (Satz) 1 и 10', 'section-22-sentence-1')).toBeUndefined();
    expect(hit('по § 22, предложение 2 (Satz 2), Закона о пребывании иностранцев', 'section-22-sentence-2')).toBeUndefined();
  });
});

describe('changes and charts are checked like everything else', () => {
  const fx = eachTestFixture();
  const POS = 'rules/positions/deserters-protection.yaml';

  it('a change without its sentence, a change listed out of order, and a language that does not exist', () => {
    fx.edit(POS, (t) => `${t.trimEnd()}\n  - { on: 2026-11-29, kind: correction, languages: [xx] }\n`);
    const n = (fx.read(POS).match(/^ {2}- \{ on:/gm) ?? []).length - 1;
    const result = fx.load(TODAY);
    expectProblem(result, fx, { file: POS, path: `changes[${n}].note`, message: 'say what changed' });
    expectProblem(result, fx, { file: POS, path: `changes[${n}].on`, message: 'list changes oldest first' });
    expectProblem(result, fx, { file: POS, path: `changes[${n}].languages[0]`, message: '"xx" is not in rules/languages.yaml' });
  });

  it('a change whose sentence is missing from the English texts', () => {
    fx.edit(POS, (t) => `${t.trimEnd()}\n  - { on: 2026-11-30, kind: updated, note: no-such-note }\n`);
    expectProblem(fx.load(TODAY), fx, { file: 'locales/en/changes.json', path: 'no-such-note', message: 'is missing: write this text' });
  });

  it('a position without any change, and a chart with an unknown source or a percentage over 100', () => {
    fx.edit(POS, (t) => t.replace(/\nchanges:\n(?: {2}- .*\n?)+/, '\nchanges: []\n'));
    fx.edit('rules/figures.yaml', (t) => t.replace('source: verfassungsblog-2025-02-05', 'source: no-such-source').replace('value: 37,', 'value: 137,'));
    const result = fx.load(TODAY);
    expectProblem(result, fx, { file: POS, path: 'changes', message: 'at least the day it was added' });
    const ci = fx.read('rules/figures.yaml').split('\n  - id: ').findIndex((b) => b.startsWith('protection-share')) - 1;
    expectProblem(result, fx, { file: 'rules/figures.yaml', path: `charts[${ci}].source`, message: 'there is no source "no-such-source"' });
    expectProblem(result, fx, { file: 'rules/figures.yaml', path: `charts[${ci}].bars[0].value`, message: 'cannot be more than 100' });
  });
});
