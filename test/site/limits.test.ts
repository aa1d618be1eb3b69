import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitedServer } from '../../src/http/listen.js';
import { makeApp } from '../helpers.js';

/** The server with short limits, so that the test does not wait for the real ones (10 s for headers). */
const LIMITS = { ...DEFAULT_LIMITS, headersTimeout: 1_500, requestTimeout: 3_000, checkInterval: 250 };
let server: Server;
let port: number;

beforeAll(async () => {
  server = limitedServer(makeApp().app, LIMITS);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A connection that sends the start of a request and then nothing: it resolves with when it was closed. */
function halfOpen(): { socket: Socket; closed: Promise<number> } {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  // read whatever the server sends (its 408), so that the close is seen
  socket.resume();
  socket.on('connect', () => socket.write('GET /en/ HTTP/1.1\r\nHost: example.org\r\nX-Slow: '));
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  return { socket, closed };
}

describe('connection limits', () => {
  it('the defaults suit a public site', () => {
    expect(DEFAULT_LIMITS.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(DEFAULT_LIMITS.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(DEFAULT_LIMITS.maxConnections).toBeGreaterThan(200);
  });

  it('200 half-open connections do not stop a normal request, and are closed within the headers timeout', async () => {
    const started = Date.now();
    const held = Array.from({ length: 200 }, halfOpen);
    await new Promise((r) => setTimeout(r, 200));
    const res = await fetch(`http://127.0.0.1:${port}/en/`);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(LIMITS.headersTimeout);
    const closedAt = await Promise.all(held.map((h) => h.closed));
    const latest = Math.max(...closedAt) - started;
    expect(latest).toBeLessThan(LIMITS.headersTimeout + LIMITS.checkInterval * 2 + 1_000);
  }, 20_000);

  it('a request with a body that never comes gets its answer with Connection: close, and the socket closes', async () => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += String(d)));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
    const sent = Date.now();
    socket.write('POST /en/ HTTP/1.1\r\nHost: example.org\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nabc');
    const at = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(at - sent).toBeLessThan(LIMITS.requestTimeout);
  }, 20_000);
});
