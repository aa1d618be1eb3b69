import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.js';
import { expectProblem, eachTestFixture } from './fixture.js';

const HELP = 'rules/help.yaml';
/** The day the directory was checked: no date in it is in the future, no status older than three months. */
const TODAY = '2026-12-06';

describe('rules/help.yaml: npm run check refuses a fact without its source', () => {
  const fx = eachTestFixture();

  it('the real directory loads without problems or warnings about its statuses', () => {
    const result = fx.load(TODAY);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.statusWarnings.filter((w) => w.file === fx.path(HELP))).toEqual([]);
  });

  it('a contact without a source', () => {
    fx.edit(HELP, (t) => t.replace('{ kind: email, value: legal@ovdinfo.org, source: ovd-info-what-we-did-2024-02, checked: 2026-12-06 }', '{ kind: email, value: legal@ovdinfo.org, checked: 2026-12-06 }'));
    const p = expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'organisations[4].contacts[0].source', message: '' });
    expect(p.message.length).toBeGreaterThan(0);
  });

  it('a contact whose source is not in the list (a broken source)', () => {
    fx.edit(HELP, (t) => t.replace('value: https://t.me/connection_ev, source: connection-telegram-2023', 'value: https://t.me/connection_ev, source: no-such-page'));
    expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'organisations[3].contacts[0].source', message: 'there is no source "no-such-page"' });
  });

  it('a status in Russia whose source does not exist', () => {
    fx.edit(HELP, (t) => t.replace('source: moscow-times-get-lost-foreign-agent, checked', 'source: gone, checked'));
    expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'organisations[0].status.source', message: 'there is no source "gone"' });
  });

  it('a source whose address is not https', () => {
    fx.edit(HELP, (t) => t.replace('url: https://themoscowtimes.com/', 'url: http://themoscowtimes.com/'));
    expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'sources[3].url', message: 'must be a full https:// address' });
  });

  it('a phone contact without its number', () => {
    fx.edit(HELP, (t) => t.replace('{ kind: phone, value: +49 157 824 702 51, source', '{ kind: phone, source'));
    expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'organisations[3].contacts[1].value', message: 'a phone contact needs its number' });
  });

  it('"for whom" that is not a place answer of the finder', () => {
    fx.edit(HELP, (t) => t.replace('forWhom: [in-germany]', 'forWhom: [in-berlin]'));
    expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'organisations[5].forWhom[0]', message: '"in-berlin" is not an answer of the finder\'s question "where"' });
  });

  it('a listed status without the day it was listed', () => {
    fx.edit(HELP, (t) => t.replace('status: { kind: extremist, since: 2026-06-04, ', 'status: { kind: extremist, '));
    expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'organisations[4].status.since', message: 'is missing: write the day it was listed as "extremist"' });
  });
});

describe('rules/help.yaml: an "extremist" or "undesirable" organisation is never shown to readers in Russia without its warning', () => {
  const fx = eachTestFixture();

  it('an extremist organisation for in-russia without its warning text is refused', () => {
    fx.editJson('locales/en/help.json', (d) => {
      delete (d['ovd-info'] as Record<string, unknown>).warning;
    });
    expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'organisations[4].forWhom', message: 'is shown to readers in Russia while listed as "extremist": write its warning' });
  });

  it('an organisation newly listed as undesirable needs its warning too', () => {
    fx.edit(HELP, (t) => t.replace('status: { kind: foreign-agent, since: 2025-01-17', 'status: { kind: undesirable, since: 2025-01-17'));
    expectProblem(fx.load(TODAY), fx, { file: HELP, path: 'organisations[0].forWhom', message: 'listed as "undesirable"' });
  });
});

describe('rules/help.yaml: a status checked more than three months ago', () => {
  const fx = eachTestFixture();

  it('is a warning that names the file and the field, not a problem', () => {
    const later = fx.load('2027-03-07');
    expect(later.problems.map(formatProblem)).toEqual([]);
    const warnings = later.statusWarnings.filter((w) => w.file === fx.path(HELP));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]!.path).toMatch(/^organisations\[\d+\]\.status\.checked$/);
    expect(warnings[0]!.message).toContain('more than 3 months ago');
    // exactly three months is still fine
    expect(fx.load('2027-03-06').statusWarnings.filter((w) => w.file === fx.path(HELP))).toEqual([]);
  });
});
