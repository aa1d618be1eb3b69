import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectValid } from '../htmlValidity.js';
import { pageTable } from '../../src/site/pages/index.js';
import { ASKED_FIELD } from '../../src/site/pages/check.js';
import { LANGS, makeApp } from '../helpers.js';

const { app, site } = makeApp();

/** Every page of the page table (all languages), then each language's 404, 400 and 405 pages. */
const pagePaths = [...pageTable(site).keys()];

/** The address an old question form leads to when it is sent with no answer chosen (its hidden field only). */
function emptySubmission(path: string): string | undefined {
  const q = site.content.questions[path.split('/').length - 4];
  return q && `${path}?${ASKED_FIELD}=${q.id}`;
}

describe('HTML validity (html-validate, recommended rules)', () => {
  it('the page table has every kind of page in every language', () => {
    for (const lang of LANGS) expect(pagePaths.filter((p) => p.startsWith(`/${lang}/`)).length).toBeGreaterThanOrEqual(5);
  });

  // The set of all sheets is one long page (32 statements and every situation since December 2026):
  // validating it takes longer than the default five seconds on a busy machine.
  it.each(pagePaths)('%s', async (path) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    await expectValid(path, res.text);
  }, 60_000);

  describe.each(LANGS)('error pages in %s', (lang) => {
    it('404', async () => {
      const res = await request(app).get(`/${lang}/no-such-page`);
      expect(res.status).toBe(404);
      await expectValid(`404 ${lang}`, res.text);
    });

    it('400 (broken percent-encoding)', async () => {
      const res = await request(app).get(`/${lang}/%E0%A4%A`);
      expect(res.status).toBe(400);
      await expectValid(`400 ${lang}`, res.text);
    });

    it('405 (a method the site does not answer)', async () => {
      const res = await request(app).post(`/${lang}/`);
      expect(res.status).toBe(405);
      await expectValid(`405 ${lang}`, res.text);
    });

    it('a finder question sent without an answer (error summary)', async (ctx) => {
      const question = pagePaths.find((p) => p.startsWith(`/${lang}/check/`) && p.endsWith('/'));
      if (!question) return ctx.skip();
      const target = emptySubmission(question);
      if (!target) return ctx.skip();
      const res = await request(app).get(target);
      expect(res.status).toBe(400);
      await expectValid(target, res.text);
    });
  });
});
