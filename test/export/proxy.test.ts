import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor200 } from '../../src/bench/processes.js';
import { findNginx, nginxArgs } from '../../src/deploy/nginx.js';
import { proxyConfig, writeProxyKit } from '../../src/deploy/proxy.js';
import { DEFAULT_LIMITS, limitedServer } from '../../src/http/listen.js';
import { securityHeaders } from '../../src/http/security.js';
import { makeApp } from '../helpers.js';

/**
 * The reverse-proxy kit (src/deploy/proxy.ts) under Debian's nginx in front of the app: the app's
 * answers pass through unchanged, one address is limited in connections and requests, nginx's own
 * answers carry the security headers, and the log holds no address or path. Skipped without nginx
 * (CI installs nginx-light).
 */
const NGINX = findNginx();
if (!NGINX) console.warn('test/export/proxy.test.ts: skipped: no nginx program (apt-get install nginx-light; CI installs it)');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  raw: string[];
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the reverse-proxy configuration', () => {
  it('refuses bad addresses, a relative run folder and limits below 1', () => {
    const base = { listen: '8080', upstream: '127.0.0.1:3000', runDir: '/run/x', headers: securityHeaders({ hsts: false }) };
    expect(proxyConfig(base)).toContain('proxy_pass http://app;');
    expect(() => proxyConfig({ ...base, upstream: '127.0.0.1:3000; include /etc/passwd' })).toThrow(/upstream/);
    expect(() => proxyConfig({ ...base, upstream: '3000' })).toThrow(/port/);
    expect(() => proxyConfig({ ...base, runDir: 'run' })).toThrow(/absolute/);
    expect(() => proxyConfig({ ...base, burst: 0 })).toThrow(/burst/);
  });
});

describe.skipIf(!NGINX)('nginx in front of the app', () => {
  const { app, site } = makeApp();
  let server: Server;
  let nginx: ChildProcess;
  let dir: string;
  let runDir: string;
  let origin: string;
  let appOrigin: string;
  let stderr = '';
  const LIMITS = { connectionsPerAddress: 4, requestsPerSecond: 5, burst: 20 };

  beforeAll(async () => {
    server = limitedServer(app, DEFAULT_LIMITS, securityHeaders(site.config));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    appOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dir = mkdtempSync(join(tmpdir(), 'nginx-proxy-'));
    chmodSync(dir, 0o755);
    const kit = await writeProxyKit({ file: join(dir, 'proxy.conf'), runDir: join(dir, 'run'), listen: `127.0.0.1:${port}`, upstream: appOrigin.slice('http://'.length), headers: securityHeaders(site.config), workers: 1, ...LIMITS });
    runDir = kit.runDir;
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in user) chownSync(kit.runDir, 65534, 65534);
    nginx = spawn(NGINX!, nginxArgs(kit), { stdio: ['ignore', 'ignore', 'pipe'], ...user });
    nginx.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      await waitFor200(`${origin}/healthz`, performance.now(), 15_000);
    } catch (e) {
      throw new Error(`nginx did not start: ${stderr.trim() || (e as Error).message}`);
    }
  }, 60_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  /** Waits until the per-address request budget has filled up again. */
  const rested = () => new Promise((r) => setTimeout(r, 1_500));

  it.each([
    ['a page, gzip', '/ru/positions/deserters-protection', { 'accept-encoding': 'gzip' }],
    ['a page, plain', '/de/', {}],
    ['an outcome', '/ru/check/in-russia/deserter', { 'accept-encoding': 'gzip' }],
    ['the offline edition', '/en/offline.html', { 'accept-encoding': 'gzip' }],
    ['a 404', '/ru/no-such-page', {}],
    ['a redirect', '/RU/', {}],
  ] as const)('passes %s through as the app sends it: status, headers, body', async (_name, path, headers) => {
    await rested();
    const direct = await get(`${appOrigin}${path}`, headers);
    const proxied = await get(`${origin}${path}`, headers);
    expect(proxied.status).toBe(direct.status);
    for (const name of ['content-security-policy', 'referrer-policy', 'x-content-type-options', 'permissions-policy', 'cache-control', 'content-type', 'content-encoding', 'content-language', 'content-disposition', 'etag', 'vary', 'location']) {
      expect(proxied.headers[name], name).toBe(direct.headers[name]);
    }
    // each header once: nginx adds none of its own to the app's answers
    const names = proxied.raw.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(names.filter((n) => n === 'content-security-policy')).toHaveLength(1);
    expect(proxied.headers.server).toBe('nginx');
    expect(proxied.body.equals(direct.body)).toBe(true);
  });

  it('answers an address over its request rate with 429, the security headers and no-store, then serves it again', async () => {
    await rested();
    const answers = await Promise.all(Array.from({ length: 60 }, () => get(`${origin}/healthz`)));
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const [name, value] of securityHeaders(site.config)) expect(refused[0]!.headers[name.toLowerCase()], name).toBe(value);
    expect(refused[0]!.headers['cache-control']).toBe('no-store');
    expect(refused[0]!.headers['retry-after']).toBe('5');
    await rested();
    expect((await get(`${origin}/ru/`)).status).toBe(200);
  }, 20_000);

  it('answers an address over its connections in progress with 429', async () => {
    await rested();
    // clients that announce a request body and never send it: their requests stay in progress (up to the body timeout)
    const stuck: Socket[] = [];
    for (let i = 0; i < LIMITS.connectionsPerAddress; i++) {
      const s = connect(Number(new URL(origin).port), '127.0.0.1', () => s.write('POST /ru/ HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n'));
      s.on('error', () => undefined);
      s.pause();
      stuck.push(s);
    }
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      const over = await get(`${origin}/ru/`);
      expect(over.status).toBe(429);
    } finally {
      stuck.forEach((s) => s.destroy());
    }
    await rested();
    expect((await get(`${origin}/ru/`)).status).toBe(200);
  }, 20_000);

  it('logs method, status and time only: no address, path or user agent', async () => {
    await rested();
    await get(`${origin}/ru/secret-path?where=secret`, { 'user-agent': 'SecretAgent/1.0' });
    await new Promise((r) => setTimeout(r, 200));
    const access = readFileSync(join(runDir, 'access.log'), 'utf8');
    for (const line of access.trim().split('\n')) expect(Object.keys(JSON.parse(line) as object)).toEqual(['method', 'status', 'seconds']);
    const errors = readFileSync(join(runDir, 'error.log'), 'utf8');
    for (const log of [access, errors]) {
      expect(log).not.toContain('127.0.0.1');
      expect(log).not.toContain('secret');
      expect(log).not.toContain('SecretAgent');
    }
  });
});
