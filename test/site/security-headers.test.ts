import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { LANGS, makeApp } from '../helpers.js';

/**
 * The same strict headers on every kind of answer: pages, assets, redirects, errors, the health
 * check, the API and the files for search engines.
 */
const plain = makeApp();
const https = makeApp({ baseUrl: 'https://example.org', hsts: true });
const { site } = plain;
const ASSET = [...site.assets.values()][0]!.href;
const [question] = site.content.questions;

const ANSWERS: [string, string, string?][] = [
  ['a page', '/en/'],
  ['a position', `/ru/positions/${site.content.positions[0]!.id}`],
  ['the stylesheet', ASSET],
  ['the language redirect', '/'],
  ['a slash redirect', '/de'],
  ['a finder answer (303)', `/en/check/?${question!.id}=${question!.options[0]}`],
  ['a finder error (400)', `/de/check/?asked=${question!.id}`],
  ['a 404', '/ru/no-such-page'],
  ['a 400', '/en/%zz'],
  ['a 405', '/en/', 'POST'],
  ['a 414', `/en/${'a'.repeat(2000)}`],
  ['the health check', '/healthz'],
  ['the API', '/api/v1/'],
  ['the sitemap', '/sitemap.xml'],
  ['robots.txt', '/robots.txt'],
  ['a HEAD request', '/en/about', 'HEAD'],
];

/** The Content-Security-Policy as a map of directive → its values. */
function csp(header: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

async function fetchAnswer(app: typeof plain.app, path: string, method = 'GET') {
  return request(app)[method.toLowerCase() as 'get'](path);
}

describe.each(ANSWERS)('security headers on %s (%s)', (_name, path, method) => {
  it('forbids scripts, framing, sniffing, referrers, browser features, cookies and X-Powered-By', async () => {
    const res = await fetchAnswer(plain.app, path, method);
    expect(res.status).toBeLessThan(500);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy.size, 'a Content-Security-Policy header').toBeGreaterThan(0);
    const scripts = policy.get('script-src') ?? policy.get('default-src');
    expect(scripts, "script-src 'none', or default-src 'none' and no script-src").toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    for (const values of [policy.get('script-src') ?? [], policy.get('default-src') ?? []]) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
    }
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('sends HSTS only when the public address is https', async () => {
    expect((await fetchAnswer(plain.app, path, method)).headers['strict-transport-security']).toBeUndefined();
    expect((await fetchAnswer(https.app, path, method)).headers['strict-transport-security']).toMatch(/^max-age=(\d{8,}|3153[6-9]\d{3})/);
  });
});

describe('HSTS follows BASE_URL', () => {
  it('is on for an https public address and off for http or none', () => {
    expect(loadConfig({ BASE_URL: 'https://example.org' }).hsts).toBe(true);
    expect(loadConfig({ BASE_URL: 'http://example.org' }).hsts).toBe(false);
    expect(loadConfig({}).hsts).toBe(false);
  });
});

describe('no cookie anywhere', () => {
  it('no page of any language sets one', async () => {
    for (const lang of LANGS) {
      for (const path of [`/${lang}/`, `/${lang}/positions/`, `/${lang}/sources`, `/${lang}/about`, `/${lang}/check/`, `/${lang}/sheets/`]) {
        expect((await request(plain.app).get(path)).headers['set-cookie'], path).toBeUndefined();
      }
    }
  });
});
