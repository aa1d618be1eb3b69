import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { pageTable } from '../../src/site/pages/index.js';
import { makeApp } from '../helpers.js';

/**
 * Known pages asked for plainly are answered first (src/http/knownPages.ts) with a head built once;
 * every other request for them goes through the full chain. Both must send the same answer.
 */
const { app, site } = makeApp({ baseUrl: 'https://example.org', hsts: true });
const paths = [...pageTable(site).keys()];

/** The head without the parts that change per request or per connection. */
function head(res: request.Response): Record<string, unknown> {
  const changing = new Set(['date', 'connection', 'keep-alive']);
  return Object.fromEntries(Object.entries(res.headers as Record<string, unknown>).filter(([name]) => !changing.has(name)));
}

describe('known pages answered first', () => {
  it.each(paths)('%s sends the same status, headers and body as through the full chain', async (path) => {
    const first = await request(app).get(path).set('Accept-Encoding', 'gzip');
    // a validator that does not match sends the request through the full chain
    const full = await request(app).get(path).set('Accept-Encoding', 'gzip').set('If-None-Match', '"another-version"');
    expect(first.status).toBe(200);
    expect(full.status).toBe(200);
    expect(head(first)).toEqual(head(full));
    expect(first.text).toBe(full.text);
  });

  it('keeps the strict headers, the language and the cache rule of each kind of page', async () => {
    const outcome = paths.find((p) => /^\/ru\/check\/.+/.test(p) && !p.includes('?'))!;
    const position = await request(app).get(`/de/positions/${site.content.positions[0]!.id}`).set('Accept-Encoding', 'gzip');
    expect(position.headers['content-security-policy']).toContain("default-src 'none'");
    expect(position.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(position.headers['content-language']).toBe('de');
    expect(position.headers['cache-control']).toBe('public, max-age=300');
    expect(position.headers.etag).toMatch(/^"[\w-]{20}"$/);
    const privateAnswer = await request(app).get(outcome).set('Accept-Encoding', 'gzip');
    expect(privateAnswer.headers['cache-control']).toBe('private, no-store');
    expect(privateAnswer.headers.etag).toBeUndefined();
  });

  it('answers HEAD with the same head and no body', async () => {
    const get = await request(app).get('/en/about').set('Accept-Encoding', 'gzip');
    const headOnly = await request(app).head('/en/about').set('Accept-Encoding', 'gzip');
    expect(headOnly.status).toBe(200);
    expect(head(headOnly)).toEqual(head(get));
    expect(headOnly.text).toBeUndefined();
  });

  it('leaves the other requests to the full chain: 304 for a matching validator, plain text without gzip, Connection: close with a body', async () => {
    const first = await request(app).get('/ru/').set('Accept-Encoding', 'gzip');
    const again = await request(app).get('/ru/').set('Accept-Encoding', 'gzip').set('If-None-Match', String(first.headers.etag));
    expect(again.status).toBe(304);
    const plain = await request(app).get('/ru/').set('Accept-Encoding', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(first.text);
    const withBody = await request(app).get('/ru/').set('Accept-Encoding', 'gzip').set('Content-Type', 'text/plain').send('x');
    expect(withBody.status).toBe(200);
    expect(withBody.headers.connection).toBe('close');
  });
});
