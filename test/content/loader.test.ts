import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, FRESHNESS_FILE } from '../../src/content/freshness.js';
import { loadContent } from '../../src/content/load.js';
import { sourceTextFor } from '../../src/content/locales.js';
import { formatProblem, ProblemList } from '../../src/content/problems.js';
import { readRules } from '../../src/content/rules.js';
import { PositionKind } from '../../src/content/schema.js';
import { DEFAULT_DIRS } from '../../src/paths.js';
import { deleteIn, expectProblem, flat, problemsAt, setIn, type Json, eachTestFixture } from './fixture.js';

/** The position most tests break: it uses every kind of reference. */
const ID = 'welcome-statement';
const POS = `rules/positions/${ID}.yaml`;
/** A fixed "today" later than every date in the content, so that the tests do not depend on the clock. */
const TODAY = '2030-01-01';

describe('the real content', () => {
  it('loads with zero problems', () => {
    const result = loadContent(DEFAULT_DIRS);
    // Compared as printed lines, so that a failure shows exactly what `npm run check` would say.
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.content).toBeDefined();
    expect(result.content!.positions.length).toBeGreaterThan(0);
  });

  it('has rules/ and English texts without problems (whatever the state of the translations)', () => {
    const result = loadContent(DEFAULT_DIRS);
    const translations = ['ru', 'de'].map((lang) => join(DEFAULT_DIRS.locales, lang));
    const others = result.problems.filter((p) => !translations.some((dir) => p.file === dir || p.file.startsWith(`${dir}${sep}`)));
    expect(others.map(formatProblem)).toEqual([]);
  });

  it('gives every position at least one source, and every source exists', () => {
    const problems = new ProblemList();
    const rules = readRules(DEFAULT_DIRS.rules, problems);
    expect(problems.items.map(formatProblem)).toEqual([]);
    expect(rules.positions.length).toBeGreaterThan(0);
    const sourceIds = new Set(rules.sources.map((s) => s.id));
    for (const { file, position } of rules.positions) {
      expect(position.sources.length, file).toBeGreaterThanOrEqual(1);
      for (const ref of position.sources) expect(sourceIds, `${file}: ${ref.source}`).toContain(ref.source);
    }
  });
});

describe('broken content is refused with a message that names the file and the field', () => {
  const fx = eachTestFixture();

  describe('syntax', () => {
    it('a YAML syntax error: "not valid YAML" with the line number', () => {
      const line = fx.lineOf(POS, /^kind: /);
      fx.replaceLine(POS, /^kind: /, 'kind: political-statement: oops');
      const p = expectProblem(fx.load(TODAY), fx, { file: POS, path: '', message: 'not valid YAML', line });
      expect(p.message).toContain('check indentation and quotes');
    });

    it('a YAML file with a key written twice', () => {
      fx.edit(POS, (t) => `${t.trimEnd()}\nkind: context\n`);
      const line = fx.read(POS).trimEnd().split('\n').length;
      expectProblem(fx.load(TODAY), fx, { file: POS, path: '', message: /not valid YAML: .*unique/i, line });
    });

    it('a JSON syntax error in a locale file: "not valid JSON" with the line number', () => {
      const file = 'locales/en/caveats.json';
      const keys = Object.keys(fx.readJson(file));
      const victim = keys[2]!;
      const line = fx.lineOf(file, new RegExp(`^\\s*"${victim}":`));
      fx.replaceLine(file, new RegExp(`^\\s*"${victim}":`), `  "${victim}": unquoted text,`);
      const p = expectProblem(fx.load(TODAY), fx, { file, path: '', message: 'not valid JSON', line });
      expect(p.message).toContain('check commas, quotes and brackets');
      expect(formatProblem(p)).not.toContain('\n');
    });

    it('a missing comma in a locale file: the line number of the next entry', () => {
      const file = 'locales/ru/caveats.json';
      fx.writeJson(file, fx.readJson('locales/en/caveats.json'));
      const keys = Object.keys(fx.readJson(file));
      fx.edit(file, (t) => t.replace(/",\n/, '"\n'));
      const line = fx.lineOf(file, new RegExp(`^\\s*"${keys[1]!}":`));
      expectProblem(fx.load(TODAY), fx, { file, path: '', message: /not valid JSON \(Expected ','/, line });
    });

    it('a locale file that ends too early: the last line', () => {
      const file = 'locales/de/help.json';
      fx.edit(file, (t) => t.trimEnd().replace(/}$/, ''));
      const line = fx.read(file).split('\n').length;
      expectProblem(fx.load(TODAY), fx, { file, path: '', message: 'not valid JSON', line });
    });
  });

  describe('fields', () => {
    it('a missing required field: "kind: this field is missing"', () => {
      fx.replaceLine(POS, /^kind: /, '');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'kind', message: 'this field is missing' });
    });

    it('a missing required field that is not a choice: "checkedOn: this field is missing"', () => {
      fx.replaceLine(POS, /^checkedOn: /, '');
      const p = expectProblem(fx.load(TODAY), fx, { file: POS, path: 'checkedOn', message: 'this field is missing' });
      expect(p.message).toBe('this field is missing');
    });

    it('a required field left empty', () => {
      const line = fx.lineOf(POS, /^checkedOn: /);
      fx.replaceLine(POS, /^checkedOn: /, 'checkedOn:');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'checkedOn', message: 'must be a string, not empty', line });
    });

    it('a kind left empty: lists the allowed values', () => {
      const line = fx.lineOf(POS, /^kind: /);
      fx.replaceLine(POS, /^kind: /, 'kind:');
      const p = expectProblem(fx.load(TODAY), fx, { file: POS, path: 'kind', message: 'is empty: write one of: ', line });
      for (const kind of PositionKind.options) expect(p.message).toContain(kind);
    });

    it('an unknown field: names it', () => {
      fx.edit(POS, (t) => `${t.trimEnd()}\nx: 1\n`);
      expectProblem(fx.load(TODAY), fx, { file: POS, path: '', message: 'unknown field "x": check the spelling or remove it' });
    });

    it('an unknown field inside a list entry: names the entry', () => {
      fx.replaceLine('rules/actors.yaml', /id: faeser,/, '  - { id: faeser, type: government, party: spd }');
      expectProblem(fx.load(TODAY), fx, { file: 'rules/actors.yaml', path: 'actors[0]', message: 'unknown field "party"' });
    });

    it('a wrong type: a single value where a list is needed', () => {
      const line = fx.lineOf(POS, /^saidBy: /);
      fx.replaceLine(POS, /^saidBy: /, 'saidBy: faeser');
      const p = expectProblem(fx.load(TODAY), fx, { file: POS, path: 'saidBy', message: 'must be a list, not string', line });
      expect(p.message).not.toContain('missing');
    });

    it('a wrong type: text where yes/no is needed', () => {
      fx.replaceLine(POS, /^reportDiffers: /, 'reportDiffers: "yes"');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'reportDiffers', message: 'must be a boolean, not string' });
    });

    it('a bad value for kind: lists the allowed values', () => {
      const line = fx.lineOf(POS, /^kind: /);
      fx.replaceLine(POS, /^kind: /, 'kind: speech');
      const p = expectProblem(fx.load(TODAY), fx, { file: POS, path: 'kind', message: 'must be one of: ', line });
      for (const kind of PositionKind.options) expect(p.message).toContain(kind);
    });

    it('a bad value for a source kind: lists the allowed values', () => {
      fx.edit('rules/sources.yaml', (t) => t.replace(/kind: news-report/, 'kind: newspaper'));
      const p = expectProblem(fx.load(TODAY), fx, { file: 'rules/sources.yaml', path: 'sources[0].kind', message: 'must be one of: ' });
      expect(p.message).toContain('news-report');
      expect(p.message).toContain('court-ruling');
    });

    it('a position without sources', () => {
      fx.edit(POS, (t) => t.replace(/^sources:\n(?: {2}.*\n)+/m, 'sources: []\n'));
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'sources', message: 'every position needs at least one source' });
    });

    it('an address that is not https', () => {
      fx.edit('rules/help.yaml', (t) => t.replace('url: https://', 'url: http://'));
      expectProblem(fx.load(TODAY), fx, { file: 'rules/help.yaml', path: 'sources[0].url', message: 'must be a full https:// address' });
    });
  });

  describe('references', () => {
    it.each([
      { field: 'sources[0].source', what: 'source', line: /^ {2}- source: /, text: '  - source: no-such-source', id: 'no-such-source', where: 'rules/sources.yaml' },
      { field: 'reportedIn', what: 'source', line: /^reportedIn: /, text: 'reportedIn: no-such-report', id: 'no-such-report', where: 'rules/sources.yaml' },
      { field: 'saidBy[0]', what: 'actor', line: /^saidBy: /, text: 'saidBy: [nobody]', id: 'nobody', where: 'rules/actors.yaml' },
      { field: 'related[0]', what: 'position', line: /^related: /, text: 'related: [no-such-position]', id: 'no-such-position', where: 'rules/positions/' },
      { field: 'afterwards[0]', what: 'position', line: /^afterwards: /, text: 'afterwards: [no-such-position]', id: 'no-such-position', where: 'rules/positions/' },
      { field: 'appliesTo[0]', what: 'situation', line: /^appliesTo: /, text: 'appliesTo: [on-the-moon]', id: 'on-the-moon', where: 'rules/finder.yaml' },
      { field: 'caveats[0]', what: 'caveat', line: /^caveats: /, text: 'caveats: [no-such-caveat]', id: 'no-such-caveat', where: 'rules/caveats.yaml' },
    ])('an unknown $what in $field', ({ field, what, line, text, id, where }) => {
      fx.replaceLine(POS, line, text);
      expectProblem(fx.load(TODAY), fx, { file: POS, path: field, message: `there is no ${what} "${id}": add it to ${where} or fix the id` });
    });

    it('a position that refers to itself', () => {
      fx.replaceLine(POS, /^related: /, `related: [${ID}]`);
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'related[0]', message: 'a position cannot refer to itself' });
    });

    it('a source that no position uses', () => {
      const before = fx.load(TODAY);
      const index = (fx.read('rules/sources.yaml').match(/^ {2}- id: /gm) ?? []).length;
      fx.edit(
        'rules/sources.yaml',
        (t) => `${t.trimEnd()}\n  - id: unused-source\n    kind: ngo\n    publisher: Nobody\n    lang: de\n    url: https://example.org/\n    checked: 2022-10-01\n`,
      );
      expect(problemsAt(before, fx, 'rules/sources.yaml', `sources[${index}]`)).toEqual([]);
      expectProblem(fx.load(TODAY), fx, { file: 'rules/sources.yaml', path: `sources[${index}]`, message: 'source "unused-source" is not used by any position: use it or remove it' });
    });

    it('an actor that no position uses', () => {
      fx.edit('rules/actors.yaml', (t) => `${t.trimEnd()}\n  - { id: idle-actor, type: media }\n`);
      const index = (fx.read('rules/actors.yaml').match(/^ {2}- \{ id: /gm) ?? []).length - 1;
      expectProblem(fx.load(TODAY), fx, { file: 'rules/actors.yaml', path: `actors[${index}]`, message: 'actor "idle-actor" is not used by any position' });
    });
  });

  describe('ids', () => {
    it('two sources with the same id', () => {
      const sources = fx.read('rules/sources.yaml');
      const first = /^ {2}- id: .*\n(?: {4}.*\n)+/m.exec(sources)![0];
      const id = /id: (\S+)/.exec(first)![1]!;
      const index = (sources.match(/^ {2}- id: /gm) ?? []).length;
      fx.write('rules/sources.yaml', `${sources.trimEnd()}\n${first}`);
      expectProblem(fx.load(TODAY), fx, { file: 'rules/sources.yaml', path: `sources[${index}]`, message: `the id "${id}" is used twice: every id must be unique` });
    });

    it("a position alias equal to another position's id", () => {
      const other = 'admissions-438';
      expect(fx.exists(`rules/positions/${other}.yaml`)).toBe(true);
      fx.edit(POS, (t) => t.replace(/^kind: /m, `aliases: [${other}]\nkind: `));
      const p = expectProblem(fx.load(TODAY), fx, { file: POS, path: 'aliases', message: `"${other}" is already used by ` });
      expect(p.message).toContain(`${other}.yaml`);
      expect(p.message).toContain('ids and aliases must be unique');
    });

    it('an id that is not URL-safe', () => {
      fx.replaceLine(POS, /^id: /, 'id: Bad_Id');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'id', message: 'must be lower-case letters, digits and single hyphens', line: 1 });
    });

    it('a source id that is not URL-safe', () => {
      fx.edit('rules/sources.yaml', (t) => t.replace(/^( {2}- id: )\S+/m, '$1Bad_Id'));
      expectProblem(fx.load(TODAY), fx, { file: 'rules/sources.yaml', path: 'sources[0].id', message: 'must be lower-case letters, digits and single hyphens' });
    });

    it('a position file whose name does not match its id', () => {
      fx.rename(POS, 'rules/positions/welcome.yaml');
      expectProblem(fx.load(TODAY), fx, {
        file: 'rules/positions/welcome.yaml',
        path: 'id',
        message: 'must match the file name ("welcome"): rename the file or the id',
      });
    });
  });

  describe('dates', () => {
    it('a date that does not exist', () => {
      fx.replaceLine(POS, /^checkedOn: /, 'checkedOn: 2022-02-30');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'checkedOn', message: '"2022-02-30" is not a real date' });
    });

    it('a month that does not exist in a partial date', () => {
      fx.replaceLine(POS, /^saidOn: /, 'saidOn: 2022-13');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'saidOn', message: '"2022-13" is not a real date' });
    });

    it('a date written the wrong way', () => {
      fx.replaceLine(POS, /^reviewedOn: /, 'reviewedOn: 24.11.2026');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'reviewedOn', message: 'must be a date written YYYY-MM-DD' });
    });

    it('a date in the future (today is passed explicitly)', () => {
      fx.replaceLine(POS, /^reviewedOn: /, 'reviewedOn: 2030-06-02');
      expectProblem(fx.load('2030-06-01'), fx, { file: POS, path: 'reviewedOn', message: '"2030-06-02" is in the future (today is 2030-06-01)' });
      // The same date is fine once that day has come.
      expect(problemsAt(fx.load('2030-06-02'), fx, POS, 'reviewedOn')).toEqual([]);
    });

    it('a source checked in the future', () => {
      fx.edit('rules/sources.yaml', (t) => t.replace(/^( {4}checked: )\S+/m, '$12031-01-01'));
      expectProblem(fx.load(TODAY), fx, { file: 'rules/sources.yaml', path: 'sources[0].checked', message: '"2031-01-01" is in the future' });
    });

    it('a position other than legal background without saidOn', () => {
      fx.replaceLine(POS, /^saidOn: /, '');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'saidOn', message: 'this field is missing (only legal background may leave it out)' });
    });
  });

  describe('translations', () => {
    /** The first key of an English file, and its text. */
    const firstKey = (file: string): [string, string] => {
      const [entry] = flat(fx.readJson(file));
      return [entry![0], String(entry![1])];
    };

    it('a key missing in locales/ru', () => {
      const [key, text] = firstKey('locales/en/caveats.json');
      fx.editJson('locales/ru/caveats.json', (d) => setIn(d, key, text));
      expect(problemsAt(fx.load(TODAY), fx, 'locales/ru/caveats.json', key)).toEqual([]);
      fx.editJson('locales/ru/caveats.json', (d) => deleteIn(d, key));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/ru/caveats.json', path: key, message: 'is missing: add the translation' });
    });

    it('a whole file missing in locales/de', () => {
      fx.remove('locales/de/help.json');
      expectProblem(fx.load(TODAY), fx, { file: 'locales/de/help.json', path: '', message: 'the file is missing: copy locales/en/help.json and translate it' });
    });

    it('an extra key in locales/de', () => {
      fx.editJson('locales/de/caveats.json', (d) => setIn(d, 'no-such-caveat', 'Ein Vorbehalt'));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/de/caveats.json', path: 'no-such-caveat', message: 'is not in the English texts: remove it or check its name' });
    });

    it('an extra file in locales/de', () => {
      fx.writeJson('locales/de/extra.json', { a: 'b' });
      expectProblem(fx.load(TODAY), fx, { file: 'locales/de/extra.json', path: '', message: 'there is no locales/en/extra.json' });
    });

    it('an empty translation', () => {
      const [key] = firstKey('locales/en/caveats.json');
      fx.editJson('locales/ru/caveats.json', (d) => setIn(d, key, '  '));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/ru/caveats.json', path: key, message: 'is empty: write the text' });
    });

    it('a translation that is not text', () => {
      const [key] = firstKey('locales/en/caveats.json');
      fx.editJson('locales/de/caveats.json', (d) => setIn(d, key, 42));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/de/caveats.json', path: key, message: 'must be text in quotes' });
    });

    it('HTML in a translation', () => {
      const [key] = firstKey('locales/en/caveats.json');
      fx.editJson('locales/ru/caveats.json', (d) => setIn(d, key, '<b>x</b>'));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/ru/caveats.json', path: key, message: 'contains HTML; write plain text' });
    });

    it('HTML in an English text', () => {
      const [key] = firstKey('locales/en/caveats.json');
      fx.editJson('locales/en/caveats.json', (d) => setIn(d, key, 'Read <a href="https://example.org">this</a>.'));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/en/caveats.json', path: key, message: 'contains HTML' });
    });

    it('a {{placeholder}} that differs from English', () => {
      const en = flat(fx.readJson('locales/en/ui.json'));
      const [key, text] = [...en].find(([k, v]) => typeof v === 'string' && /\{\{\s*date\s*\}\}/.test(v) && !/_(one|other)$/.test(k))!;
      fx.editJson('locales/ru/ui.json', (d) => setIn(d, key, String(text)));
      expect(problemsAt(fx.load(TODAY), fx, 'locales/ru/ui.json', key)).toEqual([]);
      fx.editJson('locales/ru/ui.json', (d) => setIn(d, key, String(text).replace(/\{\{\s*date\s*\}\}/, '{{datum}}')));
      const p = expectProblem(fx.load(TODAY), fx, { file: 'locales/ru/ui.json', path: key, message: 'must use the same {{placeholders}} as English' });
      expect(p.message).toMatch(/\(.*\bdate\b.*\)$/);
    });

    it.each([
      ['unescaped', '{{- date}}'],
      ['formatted', '{{date, datetime}}'],
      ['nesting', '$t(ui:site.name) {{date}}'],
      ['a stray brace', '{{date}} }}'],
    ])('an i18next placeholder form English does not have: %s', (_kind, form) => {
      const en = flat(fx.readJson('locales/en/ui.json'));
      const [key, text] = [...en].find(([k, v]) => typeof v === 'string' && /\{\{\s*date\s*\}\}/.test(v) && !/_(one|other)$/.test(k))!;
      fx.editJson('locales/ru/ui.json', (d) => setIn(d, key, String(text).replace(/\{\{\s*date\s*\}\}/, form)));
      const p = expectProblem(fx.load(TODAY), fx, { file: 'locales/ru/ui.json', path: key, message: 'which English does not' });
      expect(p.message).toContain(form.includes('$t(') ? '$t(' : form.includes('}} }}') ? '}}' : form.replace(/\s+/g, ' '));
    });

    it('a missing Russian plural form (Russian needs _one, _few, _many and _other)', () => {
      const en = flat(fx.readJson('locales/en/ui.json'));
      const base = [...en.keys()].find((k) => k.endsWith('_one'))!.slice(0, -'_one'.length);
      const other = String(en.get(`${base}_other`));
      const forms = ['one', 'few', 'many', 'other'];
      fx.editJson('locales/ru/ui.json', (d) => {
        for (const f of forms) setIn(d, `${base}_${f}`, other);
      });
      const complete = fx.load(TODAY);
      for (const f of forms) expect(problemsAt(complete, fx, 'locales/ru/ui.json', `${base}_${f}`)).toEqual([]);
      fx.editJson('locales/ru/ui.json', (d) => deleteIn(d, `${base}_few`));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/ru/ui.json', path: `${base}_few`, message: 'is missing: add the translation' });
    });

    it('a plural form that the language does not have (German has no _few)', () => {
      const en = flat(fx.readJson('locales/en/ui.json'));
      const base = [...en.keys()].find((k) => k.endsWith('_one'))!.slice(0, -'_one'.length);
      fx.editJson('locales/de/ui.json', (d) => setIn(d, `${base}_few`, String(en.get(`${base}_other`))));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/de/ui.json', path: `${base}_few`, message: 'is not in the English texts' });
    });

    it('a language in rules/languages.yaml without a locales folder', () => {
      fx.edit('rules/languages.yaml', (t) => `${t.trimEnd()}\n  - code: uk\n    name: Українська\n    review: { status: unreviewed }\n`);
      expectProblem(fx.load(TODAY), fx, { file: 'locales/uk', path: '', message: 'the folder for language "uk" is missing' });
    });

    it('a locales folder that is not in rules/languages.yaml', () => {
      fx.copy('locales/en', 'locales/fr');
      expectProblem(fx.load(TODAY), fx, { file: 'locales/fr', path: '', message: 'language "fr" is not in rules/languages.yaml: add it there or remove the folder' });
    });

    it('a missing English text that a position needs', () => {
      fx.editJson('locales/en/positions.json', (d) => {
        expect(deleteIn(d, `${ID}.means`)).toBe(true);
      });
      expectProblem(fx.load(TODAY), fx, { file: 'locales/en/positions.json', path: `${ID}.means`, message: 'is missing: write this text' });
    });

    it('a missing English quote translation for a source that has a quote', () => {
      const source = /^ {2}- source: (\S+)\n {4}quote: /m.exec(fx.read(POS))![1]!;
      fx.editJson('locales/en/positions.json', (d) => {
        expect(deleteIn(d, `${ID}.quotes.${source}`)).toBe(true);
      });
      expectProblem(fx.load(TODAY), fx, { file: 'locales/en/positions.json', path: `${ID}.quotes.${source}`, message: 'is missing: write this text' });
    });

    it('an English text for a position that does not exist', () => {
      fx.editJson('locales/en/positions.json', (d) => setIn(d, 'no-such-position.title', 'A title'));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/en/positions.json', path: 'no-such-position.title', message: 'is not used by anything in rules/' });
    });
  });

  describe('where a position stands today (status)', () => {
    /** The status block of the position under test, replaced by `block` (YAML lines). */
    function setStatus(block: string): void {
      fx.edit(POS, (t) => t.replace(/^status:\n(?: {2}.*\n?)+/m, block));
    }

    it('a position without a status is refused', () => {
      setStatus('');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'status', message: 'this field is missing' });
    });

    it('an unknown status kind lists the allowed kinds', () => {
      setStatus('status:\n  kind: maybe\n  checkedOn: 2026-11-30\n');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'status.kind', message: /must be one of: in-force, practice-stricter, .*unconfirmed/ });
    });

    it('a status without the day it was checked', () => {
      setStatus('status:\n  kind: history\n');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'status.checkedOn', message: 'this field is missing' });
    });

    it('a status that names an entry that does not exist, or the position itself', () => {
      setStatus('status:\n  kind: history\n  checkedOn: 2026-11-30\n  changedBy: [no-such-position]\n');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'status.changedBy[0]', message: 'there is no position "no-such-position"' });
      setStatus(`status:\n  kind: history\n  checkedOn: 2026-11-30\n  changedBy: [${ID}]\n`);
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'status.changedBy[0]', message: 'a position cannot refer to itself' });
    });

    it('a status checked in the future', () => {
      setStatus('status:\n  kind: history\n  checkedOn: 2031-01-01\n');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'status.checkedOn', message: 'is in the future' });
    });

    it('a status checked more than six months ago, without a reason, is marked overdue (npm run check refuses it); the server only warns', () => {
      setStatus('status:\n  kind: history\n  checkedOn: 2026-06-05\n');
      const old = fx.load('2026-12-06');
      expect(old.problems.map(formatProblem)).toEqual([]);
      expect(old.content).toBeDefined();
      expect(old.statusWarnings).toEqual([
        {
          file: fx.path(POS),
          line: fx.lineOf(POS, /^ {2}checkedOn: 2026-06-05$/),
          path: 'status.checkedOn',
          overdue: true,
          message:
            'was last checked on 2026-06-05, more than 6 months ago: check where this position stands today and update the date, or say why not in status.notRecheckedBecause',
        },
      ]);
      // exactly six months is still fine
      setStatus('status:\n  kind: history\n  checkedOn: 2026-06-06\n');
      expect(fx.load('2026-12-06').statusWarnings.filter((w) => w.file === fx.path(POS))).toEqual([]);
    });

    it('a status older than six months that says why it was not checked again is only a warning', () => {
      setStatus('status:\n  kind: history\n  checkedOn: 2026-06-05\n  notRecheckedBecause: The court has not published anything since.\n');
      const [w] = fx.load('2026-12-06').statusWarnings;
      expect(w).toMatchObject({ file: fx.path(POS), path: 'status.checkedOn', overdue: false });
      expect(w!.message).toContain('not checked again because: The court has not published anything since.');
    });

    it('a reason that says nothing is refused', () => {
      setStatus('status:\n  kind: history\n  checkedOn: 2026-06-05\n  notRecheckedBecause: "  "\n');
      expectProblem(fx.load('2026-12-06'), fx, { file: POS, path: 'status.notRecheckedBecause', message: 'say in a sentence why it was not checked again' });
    });

    it('a missing "now" text in English is refused', () => {
      fx.editJson('locales/en/positions.json', (d) => deleteIn(d, `${ID}.now`));
      expectProblem(fx.load(TODAY), fx, { file: 'locales/en/positions.json', path: `${ID}.now`, message: 'is missing: write this text' });
    });

    it('saidUntil before saidOn, or with only a month in saidOn', () => {
      fx.edit(POS, (t) => t.replace(/^saidOn: .*$/m, 'saidOn: 2022-09-21\nsaidUntil: 2022-09-20'));
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'saidUntil', message: 'must be a later day than saidOn' });
      fx.edit(POS, (t) => t.replace(/^saidOn: .*$/m, 'saidOn: 2022-09'));
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'saidUntil', message: 'which must then be a full date' });
    });
  });

  describe('finder questions asked only after some answers (askIf)', () => {
    const FINDER = 'rules/finder.yaml';
    it('askIf naming a question that is not asked before', () => {
      fx.edit(FINDER, (t) => t.replace('askIf: { where: [in-germany] }', 'askIf: { later: [in-germany] }'));
      expectProblem(fx.load(TODAY), fx, { file: FINDER, path: 'questions[2].askIf.later', message: '"later" is not a question asked before this one' });
    });
    it('askIf naming an answer the earlier question does not have', () => {
      fx.edit(FINDER, (t) => t.replace('askIf: { where: [in-germany] }', 'askIf: { where: [on-mars] }'));
      expectProblem(fx.load(TODAY), fx, { file: FINDER, path: 'questions[2].askIf.where[0]', message: '"on-mars" is not an option of the question "where"' });
    });
  });

  describe('stale translations', () => {
    /** Records every current ru text as made from the current English, as `npm run translations:stamp -- ru` does. */
    function stampRussian(): void {
      const english = new Map<string, string>();
      const russian: string[] = [];
      const namespaces = readdirSync(fx.path('locales/en')).filter((f) => f.endsWith('.json') && !f.startsWith('_')).map((f) => f.slice(0, -5));
      for (const ns of namespaces) {
        for (const [k, v] of flat(fx.readJson(`locales/en/${ns}.json`))) english.set(`${ns}:${k}`, String(v));
        for (const k of flat(fx.readJson(`locales/ru/${ns}.json`)).keys()) russian.push(`${ns}:${k}`);
      }
      const recorded: Json = {};
      for (const k of russian) {
        const original = sourceTextFor(english, k);
        if (original !== undefined) recorded[k] = fingerprint(original);
      }
      fx.writeJson(`locales/ru/${FRESHNESS_FILE}`, recorded);
    }

    it('a changed English text makes its translation a warning, not a problem', () => {
      const [key, text] = (() => {
        const [entry] = flat(fx.readJson('locales/en/caveats.json'));
        return [entry![0], String(entry![1])];
      })();
      // The ru copy has this key, whatever the state of the translation work.
      fx.editJson('locales/ru/caveats.json', (d) => setIn(d, key, text));
      stampRussian();
      const before = fx.load(TODAY);
      expect(before.warnings.filter((w) => w.startsWith('ru '))).toEqual([]);

      fx.editJson('locales/en/caveats.json', (d) => setIn(d, key, `${text} (Updated.)`));
      const after = fx.load(TODAY);
      expect(after.warnings.filter((w) => w.startsWith('ru '))).toEqual([`ru caveats:${key}`]);
      // Not a problem: the list of problems is exactly what it was before the English change.
      expect(after.problems.map(formatProblem)).toEqual(before.problems.map(formatProblem));
      expect(problemsAt(after, fx, 'locales/ru/caveats.json', key)).toEqual([]);
    });

    it('translations without any record are all warnings', () => {
      fx.remove(`locales/ru/${FRESHNESS_FILE}`);
      const result = fx.load(TODAY);
      expect(result.warnings.some((w) => w.startsWith('ru caveats:'))).toBe(true);
      expect(result.problems.filter((p) => p.file.endsWith(FRESHNESS_FILE))).toEqual([]);
    });
  });
});
