import { request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitedServer } from '../../src/http/listen.js';
import { securityHeaders } from '../../src/http/security.js';
import { makeApp } from '../helpers.js';

/**
 * Readers first at the connection cap (src/http/listen.ts): one client holding more idle sockets
 * than the cap, or reopening every socket the server closes, must not keep a reader from a page.
 * The real cap (2,000) and the real limits, on loopback; each part bounded in time.
 */
let server: Server;
let port: number;

beforeAll(async () => {
  const { app, site } = makeApp();
  server = limitedServer(app, DEFAULT_LIMITS, securityHeaders(site.config));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A reader: a fresh connection, one page, the status (0 when the connection failed). */
function reader(path = '/ru/'): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false, headers: { 'accept-encoding': 'gzip', connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(5_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** An attacker's idle sockets: each connects and sends nothing; with `reopen`, a new one is opened whenever one is closed. */
async function idleSockets(count: number, reopen: () => boolean) {
  const stats = { opened: 0, closed: 0 };
  const open = (): Socket => {
    const socket = connect(port, '127.0.0.1');
    stats.opened++;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      stats.closed++;
      if (reopen()) setImmediate(open);
    });
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  const sockets = new Set<Socket>();
  // in batches, each connected before the next (the listen backlog would otherwise delay them)
  for (let i = 0; i < count; i += 250) {
    const batch = Array.from({ length: Math.min(250, count - i) }, open);
    await Promise.all(batch.map((s) => new Promise((r) => (s.once('connect', r), s.once('close', r)))));
  }
  return { stats, sockets, end: () => sockets.forEach((s) => s.destroy()) };
}

/** Waits until a condition holds (at most `ms`). */
async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

async function readers(times: number, gapMs: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) {
    statuses.push(await reader(i % 2 ? '/ru/' : '/de/positions/'));
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return statuses;
}

describe('readers first at the connection cap', () => {
  it('the limits: a complete request head within 3 s, keep-alive 5 s', () => {
    expect(DEFAULT_LIMITS.headersTimeout).toBeLessThanOrEqual(3_000);
    expect(DEFAULT_LIMITS.keepAliveTimeout).toBe(5_000);
    expect(DEFAULT_LIMITS.maxConnections).toBe(2_000);
  });

  it('with 2,500 idle sockets held by one client, a reader gets every page', async () => {
    const attack = await idleSockets(2_500, () => false);
    try {
      await until(() => attack.stats.closed >= 500, 2_000);
      const statuses = await readers(10, 50);
      expect(statuses).toEqual(statuses.map(() => 200));
      // the cap held: the server closed the oldest idle sockets to make room
      expect(attack.stats.closed).toBeGreaterThanOrEqual(500);
    } finally {
      attack.end();
    }
  }, 30_000);

  it('idle sockets that never send a request head are closed within the headers timeout', async () => {
    const started = Date.now();
    const attack = await idleSockets(300, () => false);
    await until(() => attack.sockets.size === 0, DEFAULT_LIMITS.headersTimeout + 3 * DEFAULT_LIMITS.checkInterval);
    expect(attack.sockets.size).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(DEFAULT_LIMITS.headersTimeout - 100);
  }, 30_000);

  it('with 2,000 idle sockets reopened as soon as they are closed (8 s), a reader gets every page', async () => {
    let going = true;
    const attack = await idleSockets(2_000, () => going);
    try {
      const end = Date.now() + 8_000;
      const statuses: number[] = [];
      while (Date.now() < end) statuses.push(...(await readers(1, 200)));
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses).toEqual(statuses.map(() => 200));
      expect(attack.stats.opened).toBeGreaterThan(2_000);
    } finally {
      going = false;
      attack.end();
    }
  }, 40_000);
});

/** Sends raw bytes and resolves with everything the server answers until it closes the socket. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += String(d)));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(5_000, () => socket.destroy());
  });
}

describe("Node's own answers", () => {
  it.each([
    ['a malformed request line', 'GARBAGE\r\n\r\n', 400],
    ['a bad header', 'GET /en/ HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n', 400],
    ['a head over 16 kB', `GET /en/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['an Expect other than 100-continue', 'GET /en/ HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n', 417],
  ])('%s: the status with the security headers, no body, and the socket closed', async (_name, bytes, status) => {
    const answer = await raw(bytes);
    const [head = '', body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    for (const [name, value] of securityHeaders({ hsts: false })) expect(head, name).toContain(`${name}: ${value}`);
    expect(head.toLowerCase()).toContain('connection: close');
    expect(body ?? '').toBe('');
  });
});

describe('a request head that never ends', () => {
  it('gets 408 with the security headers or a closed socket without a body, within the headers timeout and a check', async () => {
    const started = Date.now();
    const answer = await raw('GET /en/ HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect(Date.now() - started).toBeLessThan(DEFAULT_LIMITS.headersTimeout + 2 * DEFAULT_LIMITS.checkInterval + 500);
    if (answer !== '') {
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('Content-Security-Policy: ');
    }
  }, 10_000);
});
