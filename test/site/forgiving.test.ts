import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { forgive } from '../../src/http/pages.js';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text } from '../helpers.js';

const { app, site } = makeApp();

describe('links as NGO staff paste them answer 301 to the page they mean', () => {
  const id = 'deserters-protection';
  it.each([
    ['/RU/', '/ru/'],
    ['/Ru/Positions/Deserters-Protection', urls.position('ru', id)],
    [`/ru/positions/${id}.`, urls.position('ru', id)],
    [`/ru/positions/${id},`, urls.position('ru', id)],
    [`/ru/positions/${id})`, urls.position('ru', id)],
    [`/ru/positions/${id};`, urls.position('ru', id)],
    [`/ru/positions/${id}%C2%BB`, urls.position('ru', id)],
    [`/ru//positions/${id}`, urls.position('ru', id)],
    [`//ru///positions//${id}/`, urls.position('ru', id)],
    ['/DE/check/IN-RUSSIA/Deserter', urls.checkOutcome('de', ['in-russia', 'deserter'])],
    ['/en/glossary.', urls.glossary('en')],
  ])('%s → %s', async (from, to) => {
    const res = await request(app).get(from);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(to);
    expect((await request(app).get(to)).status).toBe(200);
  });

  it('redirects only to known languages, never to a path from the request', async () => {
    for (const p of ['/evil/positions/deserters-protection', '/EVIL/positions/deserters-protection.', '//evil.example/ru/']) {
      const res = await request(app).get(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.location).toBeUndefined();
    }
  });

  it('makes an address plain: one slash at a time, lower case, no punctuation at the end', () => {
    expect(forgive('//RU//Positions/X-Y).')).toBe('/ru/positions/x-y');
  });
});

describe('the 404 page helps', () => {
  it.each(LANGS)('%s: suggests the closest pages of the reader\'s language, and its language links lead to the start pages', async (lang) => {
    const res = await request(app).get(`/${lang}/positions/deserter-protection`);
    expect(res.status).toBe(404);
    expect(res.text).toContain(escaped(text(lang, 'ui', 'errors.suggestions')));
    const list = /<ul class="suggestions">([\s\S]*?)<\/ul>/.exec(res.text)![1]!;
    expect(list).toContain(`href="${urls.position(lang, 'deserters-protection')}"`);
    expect(list).not.toContain('/sheets/');
    const langs = res.text.slice(res.text.indexOf('<nav class="langs"'), res.text.indexOf('</nav>', res.text.indexOf('<nav class="langs"')));
    for (const other of LANGS.filter((l) => l !== lang)) expect(langs).toContain(`href="/${other}/"`);
    expect(langs).not.toContain('/404');
  });

  it('suggests nothing for an address that is nothing like a page', async () => {
    const res = await request(app).get('/en/zzzzzzzzzzzzqqqq');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('class="suggestions"');
  });
});

describe('the favicon', () => {
  it('answers /favicon.ico with our own SVG icon, and pages name it', async () => {
    const res = await request(app).get('/favicon.ico').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(String(res.body)).toContain('<svg');
    const icon = site.assets.get('favicon.svg')!;
    const page = await request(app).get('/en/');
    expect(page.text).toContain(`<link rel="icon" href="${icon.href}" type="image/svg+xml">`);
    expect((await request(app).get(icon.href)).status).toBe(200);
  });
});

describe('pages that are the same for everyone are built once', () => {
  it('the finder\'s "choose an answer" page (400) is served from memory: the same bytes, without rendering again', async () => {
    const fresh = makeApp();
    const path = `${urls.checkQuestion('ru')}?asked=where`;
    const first = await request(fresh.app).get(path);
    expect(first.status).toBe(400);
    // from now on, rendering this view fails: a second answer can only come from memory
    fresh.site.views.set('check-question', () => {
      throw new Error('rendered again');
    });
    const second = await request(fresh.app).get(path);
    expect(second.status).toBe(400);
    expect(second.text).toBe(first.text);
    expect(fresh.errors).toEqual([]);
  });
});
