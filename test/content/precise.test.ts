import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/build.js';
import { testConfig } from '../../src/config.js';
import { loadContent, loadContentOrThrow, type LoadResult } from '../../src/content/load.js';
import { HTML } from '../../src/content/plainText.js';
import { ContentError, formatProblem } from '../../src/content/problems.js';
import { DEFAULT_DIRS, ROOT } from '../../src/paths.js';
import { createSite } from '../../src/site/site.js';
import { expectProblem, setIn, eachTestFixture } from './fixture.js';

/** The position most tests break: it uses every kind of reference. */
const ID = 'welcome-statement';
const POS = `rules/positions/${ID}.yaml`;
const TODAY = '2030-01-01';
const HTML_WORDS = 'contains HTML; write plain text';

/** The problems as `npm run check` prints them, for failure messages. */
const printed = (result: LoadResult) => result.problems.map(formatProblem);

/** Asserts that exactly one problem was reported, and returns it. */
function onlyProblem(result: LoadResult) {
  expect(result.content).toBeUndefined();
  expect(printed(result)).toHaveLength(1);
  return result.problems[0]!;
}

/** Every string in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

describe('the check of the content is precise', () => {
  const fx = eachTestFixture();

  describe('HTML in rules/ is refused, as in locales/', () => {
    it('a quote with a tag: one problem, naming file, line and field', () => {
      const line = fx.lineOf(POS, /^ {4}quote: /);
      fx.replaceLine(POS, /^ {4}quote: /, '    quote: "<b>x</b>"');
      const result = fx.load(TODAY);
      expectProblem(result, fx, { file: POS, path: 'sources[0].quote', message: HTML_WORDS, line });
      expect(printed(result)).toHaveLength(1);
      expect(printed(result)[0]!.endsWith(`rules/positions/${ID}.yaml:${line}: sources[0].quote: contains HTML; write plain text (the page adds all formatting)`)).toBe(true);
    });

    it.each([
      { what: 'a source title', file: 'rules/sources.yaml', find: /^( {4}publisher: DER SPIEGEL)$/m, put: '$1\n    title: Russland <i>mobilisiert</i>', path: /^sources\[\d+\]\.title$/ },
      { what: 'a source publisher', file: 'rules/sources.yaml', find: /^( {4}publisher: )DER SPIEGEL$/m, put: '$1<a href="https://example.org">DER SPIEGEL</a>', path: /^sources\[\d+\]\.publisher$/ },
      { what: 'the name of a help organisation', file: 'rules/help.yaml', find: /^( {4}name: )Connection e\.V\.$/m, put: '$1Connection <br>e.V.', path: /^organisations\[\d+\]\.name$/ },
      { what: 'the name of a language', file: 'rules/languages.yaml', find: /^( {4}name: )Deutsch$/m, put: '$1<!-- x -->Deutsch', path: /^languages\[2\]\.name$/ },
    ])('$what with a tag: one problem at the line of its key', ({ file, find, put, path }) => {
      fx.edit(file, (t) => t.replace(find, put));
      const p = onlyProblem(fx.load(TODAY));
      expect(p.file).toBe(fx.path(file));
      expect(p.path).toMatch(path);
      expect(p.message).toContain(HTML_WORDS);
      expect(p.line).toBe(fx.lineOf(file, HTML));
    });

    it('an id with a tag gets the HTML message only, not a second one about the id format', () => {
      fx.replaceLine('rules/actors.yaml', /id: faeser,/, '  - { id: "<b>faeser</b>", type: government }');
      const result = fx.load(TODAY);
      expect(result.problems.filter((p) => p.file === fx.path('rules/actors.yaml')).map(formatProblem)).toEqual([
        expect.stringMatching(/rules\/actors\.yaml:\d+: actors\[0\]\.id: contains HTML/),
      ]);
    });

    it('text with angle brackets that is not a tag is fine', () => {
      fx.replaceLine(POS, /^ {4}quote: /, '    quote: "Mehr als 3 < 5 und 5 > 3"');
      expect(printed(fx.load(TODAY))).toEqual([]);
    });

    it('such a text cannot reach the JSON API: the content is refused, so no site and no API are built', () => {
      fx.replaceLine(POS, /^ {4}quote: /, '    quote: "<script>alert(1)</script>"');
      expect(fx.load(TODAY).content).toBeUndefined();
      expect(() => loadContentOrThrow(fx.dirs, TODAY)).toThrow(ContentError);
      expect(() => loadContentOrThrow(fx.dirs, TODAY)).toThrow(/sources\[0\]\.quote: contains HTML/);
    });
  });

  describe('one root cause gives one message', () => {
    it('a bad address of a source that many positions cite: exactly one problem, at the address', () => {
      const id = 'rfi-2022-09-22';
      const citing = readdirSync(fx.path('rules/positions')).filter((f) => fx.read(`rules/positions/${f}`).includes(id));
      expect(citing.length).toBeGreaterThan(3);
      const warningsBefore = fx.load(TODAY).termWarnings.map(formatProblem);
      const line = fx.lineOf('rules/sources.yaml', /^ {4}url: https:\/\/www\.rfi\.fr\//);
      fx.replaceLine('rules/sources.yaml', /^ {4}url: https:\/\/www\.rfi\.fr\//, '    url: www.rfi.fr/fr/europe');
      const result = fx.load(TODAY);
      const p = onlyProblem(result);
      expect(formatProblem(p)).toMatch(new RegExp(`rules/sources\\.yaml:${line}: sources\\[0\\]\\.url: must be a full https:// address$`));
      // Nor follow-on warnings: original-language quotes are still told by their source's language.
      expect(result.termWarnings.map(formatProblem)).toEqual(warningsBefore);
    });

    it('a source with an unknown field: one problem, the references to all sources still count', () => {
      fx.edit('rules/sources.yaml', (t) => t.replace(/^( {4}publisher: DER SPIEGEL)$/m, '$1\n    author: someone'));
      expect(onlyProblem(fx.load(TODAY)).message).toContain('unknown field "author"');
    });

    it('a real unknown source is still reported while another source is broken', () => {
      fx.replaceLine('rules/sources.yaml', /^ {4}url: https:\/\/www\.rfi\.fr\//, '    url: http://www.rfi.fr/');
      fx.replaceLine(POS, /^reportedIn: /, 'reportedIn: no-such-report');
      const result = fx.load(TODAY);
      expectProblem(result, fx, { file: POS, path: 'reportedIn', message: 'there is no source "no-such-report"', line: fx.lineOf(POS, /^reportedIn: /) });
      expect(printed(result)).toHaveLength(2);
    });

    it('a broken actor: one problem', () => {
      fx.replaceLine('rules/actors.yaml', /id: faeser,/, '  - { id: faeser, type: person }');
      const p = onlyProblem(fx.load(TODAY));
      expect(p.path).toBe('actors[0].type');
      expect(p.line).toBe(fx.lineOf('rules/actors.yaml', /id: faeser,/));
    });

    it('a broken caveat: one problem', () => {
      fx.replaceLine('rules/caveats.yaml', /^ {2}- not-a-legal-basis$/, '  - not-a-legal-basis: yes');
      const p = onlyProblem(fx.load(TODAY));
      expect(p.path).toMatch(/^caveats\[\d+\]$/);
      expect(p.line).toBe(fx.lineOf('rules/caveats.yaml', /not-a-legal-basis/));
    });

    it('a broken glossary term: one problem', () => {
      fx.replaceLine('rules/glossary.yaml', /^ {2}- \{ id: asylum, /, '  - { id: asylum, sources: [bamf-forms-of-protection], note: x }');
      const p = onlyProblem(fx.load(TODAY));
      expect(p.message).toContain('unknown field "note"');
      expect(p.line).toBe(fx.lineOf('rules/glossary.yaml', /id: asylum,/));
    });

    it('a broken question: one problem (the situations positions apply to still count)', () => {
      fx.edit('rules/finder.yaml', (t) => t.replace('askIf: { where: [in-germany] }', 'askIf: { where: [in-germany] }\n    hint: x'));
      const p = onlyProblem(fx.load(TODAY));
      expect(p.message).toContain('unknown field "hint"');
      expect(p.path).toBe('questions[2]');
    });

    it('a broken position that others refer to: one problem', () => {
      const other = 'no-admission-from-third-countries';
      expect(fx.read(POS)).toContain(other);
      const file = `rules/positions/${other}.yaml`;
      const line = fx.lineOf(file, /^kind: /);
      fx.replaceLine(file, /^kind: /, 'kind: speech');
      const p = onlyProblem(fx.load(TODAY));
      expect(formatProblem(p)).toContain(`${file}:${line}: kind: must be one of`);
    });

    it('a YAML syntax error in rules/sources.yaml: one problem, not one per citation', () => {
      fx.edit('rules/sources.yaml', (t) => t.replace(/^( {4}publisher: DER SPIEGEL)$/m, '$1: oops'));
      expect(onlyProblem(fx.load(TODAY)).message).toContain('not valid YAML');
    });

    it('a broken rules/languages.yaml: one problem, the locale folders are still checked against its codes', () => {
      fx.edit('rules/languages.yaml', (t) => t.replace('review: { status: unreviewed }', 'review: { status: checked }'));
      expect(onlyProblem(fx.load(TODAY)).path).toBe('languages[1].review.status');
    });

    it('HTML in an English text: one problem, not also "missing" in English and "not in the English texts" in each translation', () => {
      const file = 'locales/en/caveats.json';
      const key = Object.keys(fx.readJson(file))[0]!;
      fx.editJson(file, (d) => setIn(d, key, 'Read <a href="https://example.org">this</a>.'));
      const p = onlyProblem(fx.load(TODAY));
      expect(formatProblem(p).endsWith(`${file}:${fx.lineOf(file, new RegExp(`^\\s*"${key}":`))}: ${key}: contains HTML; write plain text (the page adds all formatting)`)).toBe(true);
    });

    it('a JSON syntax error in an English file: one problem', () => {
      fx.edit('locales/en/caveats.json', (t) => t.replace(/",\n/, '"\n'));
      expect(onlyProblem(fx.load(TODAY)).message).toContain('not valid JSON');
    });

    it('a missing translation file: one problem, not one per text in it', () => {
      fx.remove('locales/de/help.json');
      const p = onlyProblem(fx.load(TODAY));
      expect(p.message).toContain('the file is missing');
      expect(p.line).toBeUndefined();
    });
  });

  describe('every problem has file:line', () => {
    it('a duplicate id: the line of the second occurrence', () => {
      const sources = fx.read('rules/sources.yaml');
      const first = /^ {2}- id: .*\n(?: {4}.*\n)+/m.exec(sources)![0];
      const id = /id: (\S+)/.exec(first)![1]!;
      const index = (sources.match(/^ {2}- id: /gm) ?? []).length;
      const line = sources.trimEnd().split('\n').length + 1;
      fx.write('rules/sources.yaml', `${sources.trimEnd()}\n${first}`);
      const p = expectProblem(fx.load(TODAY), fx, { file: 'rules/sources.yaml', path: `sources[${index}]`, message: `the id "${id}" is used twice`, line });
      expect(fx.read('rules/sources.yaml').split('\n')[line - 1]).toBe(`  - id: ${id}`);
      expect(p.line).toBeGreaterThan(sources.split('\n').findIndex((l) => l === `  - id: ${id}`) + 1);
    });

    it('a duplicate caveat, and a situation used by two questions: the line of the second', () => {
      fx.edit('rules/caveats.yaml', (t) => `${t.trimEnd()}\n  - law-may-change\n`);
      fx.edit('rules/finder.yaml', (t) => t.replace('options: [not-yet-applied, ', 'options: [deserter, not-yet-applied, '));
      const result = fx.load(TODAY);
      expectProblem(result, fx, { file: 'rules/caveats.yaml', path: 'caveats[11]', message: 'is used twice', line: fx.read('rules/caveats.yaml').trimEnd().split('\n').length });
      expectProblem(result, fx, { file: 'rules/finder.yaml', path: 'questions[2].options[0]', message: 'is used twice', line: fx.lineOf('rules/finder.yaml', /options: \[deserter, not-yet/) });
    });

    it('a missing field: the line of its entry (or of the file for a position)', () => {
      const third = [...fx.read('rules/sources.yaml').matchAll(/^ {2}- id: (\S+)$/gm)][2]![1]!;
      const entry = fx.lineOf('rules/sources.yaml', new RegExp(`^ {2}- id: ${third}$`));
      fx.edit('rules/sources.yaml', (t) => {
        const at = t.indexOf(`  - id: ${third}\n`);
        const end = t.indexOf('  - id: ', at + 1);
        return t.slice(0, at) + t.slice(at, end).replace(/^ {4}checked: .*\n/m, '') + t.slice(end);
      });
      fx.replaceLine(POS, /^checkedOn: /, '');
      const result = fx.load(TODAY);
      expectProblem(result, fx, { file: 'rules/sources.yaml', path: 'sources[2].checked', message: 'this field is missing', line: entry });
      expectProblem(result, fx, { file: POS, path: 'checkedOn', message: 'this field is missing', line: 1 });
    });

    it('a block value: the line of its key, not of the value below it', () => {
      fx.edit(POS, (t) => t.replace(/^status:\n/m, 'status:\n  mood: good\n'));
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'status', message: 'unknown field "mood"', line: fx.lineOf(POS, /^status:$/) });
    });

    it('a cross-reference: the line of the reference', () => {
      fx.replaceLine(POS, /^caveats: /, 'caveats: [not-a-legal-basis, no-such-caveat]');
      expectProblem(fx.load(TODAY), fx, { file: POS, path: 'caveats[1]', message: 'there is no caveat "no-such-caveat"', line: fx.lineOf(POS, /^caveats: /) });
    });

    it('locale files: the line of the key (nested too), and of the group around a key that is missing', () => {
      const en = fx.readJson('locales/en/positions.json') as Record<string, Record<string, unknown>>;
      // An extra key, a nested English text with HTML, and a translation without one of its nested texts.
      fx.editJson('locales/de/caveats.json', (d) => setIn(d, 'no-such-caveat', 'Ein Vorbehalt'));
      fx.editJson('locales/en/positions.json', (d) => setIn(d, `${ID}.summary`, '<em>Summary</em>'));
      fx.editJson('locales/ru/positions.json', (d) => {
        expect(delete (d[ID] as Record<string, unknown>).title).toBe(true);
      });
      expect(en[ID]).toBeDefined();
      const result = fx.load(TODAY);
      expectProblem(result, fx, { file: 'locales/de/caveats.json', path: 'no-such-caveat', message: 'is not in the English texts', line: fx.lineOf('locales/de/caveats.json', /"no-such-caveat":/) });
      expectProblem(result, fx, { file: 'locales/en/positions.json', path: `${ID}.summary`, message: HTML_WORDS, line: fx.lineOf('locales/en/positions.json', /"summary": "<em>/) });
      expectProblem(result, fx, { file: 'locales/ru/positions.json', path: `${ID}.title`, message: 'is missing', line: fx.lineOf('locales/ru/positions.json', new RegExp(`^ {2}"${ID}": \\{`)) });
    });

    it('every problem in a file that exists has a line within it; an extra file gets line 1', () => {
      fx.writeJson('locales/de/extra.json', { a: 'b' });
      fx.replaceLine(POS, /^related: /, 'related: [no-such-position]');
      fx.edit('rules/sources.yaml', (t) => t.replace(/^( {4}checked: )\S+/m, '$12031-01-01'));
      fx.editJson('locales/ru/caveats.json', (d) => setIn(d, 'no-such-caveat', 'x'));
      fx.edit('rules/actors.yaml', (t) => `${t.trimEnd()}\n  - { id: idle-actor, type: media }\n`);
      fx.remove('locales/de/help.json');
      const result = fx.load(TODAY);
      expect(result.problems.length).toBeGreaterThanOrEqual(6);
      for (const p of result.problems) {
        const isFile = (() => {
          try {
            return statSync(p.file).isFile();
          } catch {
            return false;
          }
        })();
        if (!isFile) {
          expect(p.line, formatProblem(p)).toBeUndefined();
          continue;
        }
        expect(p.line, formatProblem(p)).toBeGreaterThanOrEqual(1);
        expect(p.line, formatProblem(p)).toBeLessThanOrEqual(fx.read(p.file.slice(fx.root.length + 1)).split('\n').length);
      }
      expectProblem(result, fx, { file: 'locales/de/extra.json', path: '', message: 'there is no locales/en/extra.json', line: 1 });
    });

    it('warnings carry lines too', () => {
      fx.edit(POS, (t) => t.replace(/^status:\n(?: {2}.*\n?)+/m, 'status:\n  kind: history\n  checkedOn: 2026-06-05\n'));
      const [w] = fx.load('2026-12-06').statusWarnings;
      expect(w?.line).toBe(fx.lineOf(POS, /^ {2}checkedOn: 2026-06-05$/));
    });
  });

  it('npm run check refuses a "now" checked more than six months ago without a reason, and accepts it with one', () => {
    const check = () =>
      spawnSync('npx', ['tsx', 'src/cli/check.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CONTENT_DIR: fx.root } });
    fx.edit(POS, (t) => t.replace(/^status:\n(?: {2}.*\n?)+/m, 'status:\n  kind: history\n  checkedOn: 2020-01-31\n'));
    const refused = check();
    expect(refused.status).toBe(1);
    const errors = refused.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn') && !l.startsWith('warning') && !/^\s+stale: /.test(l));
    expect(errors[0]).toMatch(new RegExp(`rules/positions/${ID}\\.yaml:\\d+: status\\.checkedOn: was last checked on 2020-01-31, more than 6 months ago: .*notRecheckedBecause$`));
    fx.edit(POS, (t) => t.replace('  checkedOn: 2020-01-31\n', '  checkedOn: 2020-01-31\n  notRecheckedBecause: The archive it describes has closed.\n'));
    const accepted = check();
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stderr).toMatch(/warning: .*not checked again because: The archive it describes has closed\.$/m);
  }, 120_000);

  it('npm run check prints "file:line: field: message" for content in CONTENT_DIR, and fails', () => {
    const line = fx.lineOf(POS, /^ {4}quote: /);
    fx.replaceLine(POS, /^ {4}quote: /, '    quote: "<b>x</b>"');
    const run = spawnSync('npx', ['tsx', 'src/cli/check.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CONTENT_DIR: fx.root } });
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn') && !l.startsWith('warning') && !/^\s+stale: /.test(l));
    expect(lines[0]).toMatch(new RegExp(`rules/positions/${ID}\\.yaml:${line}: sources\\[0\\]\\.quote: contains HTML; write plain text \\(the page adds all formatting\\)$`));
    expect(lines.at(-1)).toMatch(/^check: 1 problem\(s\) found in \d+ ms$/);
  }, 60_000);
});

describe('the JSON API of the real content', () => {
  it('holds no HTML in any text: everything it says was checked as plain text', () => {
    const result = loadContent(DEFAULT_DIRS);
    expect(printed(result)).toEqual([]);
    const api = buildApi(createSite(result.content!, testConfig()));
    let texts = 0;
    for (const [path, resource] of api) {
      for (const body of resource.bodies.values()) {
        for (const s of strings(body)) {
          texts++;
          expect(HTML.test(s), `${path}: ${s}`).toBe(false);
        }
      }
    }
    expect(texts).toBeGreaterThan(1000);
  });
});
