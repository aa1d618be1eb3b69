import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { loadContentOrThrow } from '../../src/content/load.js';
import { errorHandler, errorPages } from '../../src/http/errors.js';
import { createSite } from '../../src/site/site.js';
import { pageTable } from '../../src/site/pages/index.js';
import { escaped, makeApp, text } from '../helpers.js';

const site = createSite(loadContentOrThrow(), testConfig());

/** An app whose route throws, behind the real error handler. */
function failing(error: unknown) {
  const logged: unknown[] = [];
  const app = express();
  app.get('/{*path}', () => {
    throw error;
  });
  app.use(errorHandler(site, errorPages(site), (e) => logged.push(e)));
  return { app, logged };
}

describe('the error handler', () => {
  it('answers an unexpected error with a 500 page in the path language, with the caveat and no details', async () => {
    const { app, logged } = failing(new Error('database password is hunter2'));
    const res = await request(app).get('/ru/positions/');
    expect(res.status).toBe(500);
    expect(res.text).toContain('<html lang="ru">');
    expect(res.text).toContain(escaped(text('ru', 'ui', 'errors.serverErrorTitle')));
    expect(res.text).toContain(escaped(text('ru', 'ui', 'caveat.text')));
    expect(res.text).not.toContain('hunter2');
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(logged).toHaveLength(1);
  });

  it('keeps a client error a client error (4xx), in the browser language, without logging it', async () => {
    const { app, logged } = failing(Object.assign(new Error('bad'), { status: 400 }));
    const res = await request(app).get('/nowhere').set('Accept-Language', 'de');
    expect(res.status).toBe(400);
    expect(res.text).toContain('<html lang="de">');
    expect(res.text).toContain(escaped(text('de', 'ui', 'errors.badRequestTitle')));
    expect(logged).toHaveLength(0);
  });

  it('never turns a thrown non-error into a crash', async () => {
    const { app } = failing('a string');
    const res = await request(app).get('/en/');
    expect(res.status).toBe(500);
    expect(res.text).toContain('<html lang="en">');
  });
});

describe('a page that fails to build', () => {
  it('answers 500 with the error page, is built and logged once, not again on every request', async () => {
    const { app, site, errors } = makeApp();
    const table = pageTable(site);
    let builds = 0;
    table.set('/en/about', () => {
      builds++;
      throw new Error('broken page');
    });
    for (let i = 0; i < 5; i++) {
      const res = await request(app).get('/en/about');
      expect(res.status).toBe(500);
      expect(res.text).not.toContain('broken page');
      expect(res.headers['content-security-policy']).toBeDefined();
    }
    expect(builds).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
