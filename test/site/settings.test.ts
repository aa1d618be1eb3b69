import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BASE_URL_MAX, loadConfig } from '../../src/config.js';
import { pageTable } from '../../src/site/pages/index.js';
import { longestSheetAddress } from '../../src/site/pages/sheets.js';
import { renderPage } from '../../src/site/page.js';
import { makeApp, unwrapAddresses } from '../helpers.js';

/** Settings that cannot break a page (src/config.ts): a bad value fails the start in one line naming it. */
const refused = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
};

describe('settings', () => {
  it.each([
    ['PORT', '0x4683'],
    ['PORT', '1e3'],
    ['PORT', ' 18083 '],
    ['PORT', '+80'],
    ['PORT', '0'],
    ['PORT', '65536'],
    ['HOST', 'exa mple.org'],
    ['HOST', '127.0.0.1;rm'],
    ['BASE_URL', "https://example.org/a'b"],
    ['BASE_URL', 'https://example.org/a"b'],
    ['BASE_URL', 'https://example.org/a<b'],
    ['BASE_URL', 'https://example.org/a%27b'],
    ['BASE_URL', 'https://example.org/a b'],
    ['BASE_URL', `https://example.org/${'a'.repeat(BASE_URL_MAX)}`],
    ['BASE_URL', `https://example.org/${'a'.repeat(2_400)}`],
  ])('refuses %s=%.40j in one line naming it', (name, value) => {
    const message = refused({ [name]: value });
    expect(message).toBeDefined();
    expect(message!.split('\n')).toHaveLength(1);
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
    expect(message!.length).toBeLessThan(400);
  });

  it('in production, refuses a missing or local BASE_URL and accepts a public one', () => {
    for (const local of [undefined, 'http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:8080', 'https://LOCALHOST/x']) {
      const message = refused({ NODE_ENV: 'production', ...(local ? { BASE_URL: local } : {}) });
      expect(message, local).toMatch(/^Invalid configuration: BASE_URL: must be (set|the public address) in production/);
    }
    expect(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://example.org' }).baseUrl).toBe('https://example.org');
    // outside production a local address stays the default
    expect(loadConfig({}).baseUrl).toBe('http://localhost:3000');
  });

  it('accepts decimal ports, host names and IP addresses', () => {
    expect(loadConfig({ PORT: '18083', HOST: '127.0.0.1' })).toMatchObject({ port: 18083, host: '127.0.0.1' });
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'mirror-1.example.org' }).host).toBe('mirror-1.example.org');
  });
});

/** The longest and oddest public address accepted: capitals, a port, every sign allowed in the path, exactly the longest length. */
const ODD = (() => {
  const head = 'HTTPS://Sub-Domain.Example-Site.ORG:65535/Mirror_1/a.b~c-d';
  const url = loadConfig({ BASE_URL: `${head}/${'x'.repeat(BASE_URL_MAX)}`.slice(0, BASE_URL_MAX) + '/' }).baseUrl;
  return url;
})();

describe('every page with the longest and oddest accepted BASE_URL', () => {
  it('the address is accepted at the longest length', () => {
    expect(ODD.length).toBe(BASE_URL_MAX);
    expect(ODD.startsWith('https://sub-domain.example-site.org:65535/Mirror_1/a.b~c-d/')).toBe(true);
  });

  it('builds every page of every language, sheets with their QR codes included', () => {
    const { site } = makeApp({ baseUrl: ODD, hsts: true });
    const table = pageTable(site);
    const failed: string[] = [];
    let sheets = 0;
    for (const [path, build] of table) {
      try {
        const html = renderPage(site, build());
        if (/\/sheets\/./.test(path)) {
          sheets++;
          if (!unwrapAddresses(html).includes(`${ODD}${path}`) || !html.includes('<svg')) failed.push(`${path}: no printed address or QR code`);
        }
      } catch (e) {
        failed.push(`${path}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    expect(failed).toEqual([]);
    expect(sheets).toBeGreaterThan(50);
    // the start check's address is the longest any sheet prints
    const longest = [...table.keys()].filter((p) => /\/sheets\/./.test(p)).reduce((a, b) => (b.length > a.length ? b : a), '');
    expect(longestSheetAddress(site).length).toBeGreaterThanOrEqual(`${ODD}${longest}`.length);
  }, 120_000);

  it('serves a sheet with it', async () => {
    const { app, site, errors } = makeApp({ baseUrl: ODD });
    const sheet = [...pageTable(site).keys()].find((p) => /^\/ru\/sheets\/./.test(p))!;
    const res = await request(app).get(sheet);
    expect(res.status).toBe(200);
    expect(errors).toEqual([]);
  });
});
