import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { loadContentOrThrow } from '../../src/content/load.js';
import { accessLog, batchedStdout } from '../../src/http/accessLog.js';
import { createSite } from '../../src/site/site.js';
import express from 'express';

describe('the access log', () => {
  it('writes method, route kind, status and duration only: no address, path, query or user agent', async () => {
    const lines: string[] = [];
    const app = express();
    app.use(accessLog(testConfig({ logLevel: 'info' }), (l) => lines.push(l)));
    app.use(createApp(createSite(loadContentOrThrow(), testConfig())));
    await request(app)
      .get('/ru/check/in-russia/deserter?secret=answer-42')
      .set('User-Agent', 'AgentSmith/1.0')
      .set('X-Forwarded-For', '203.0.113.7');
    await request(app).get('/nowhere/private-path');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['method', 'ms', 'route', 'status']);
    expect(first).toMatchObject({ method: 'GET', route: 'page', status: 200 });
    expect(JSON.parse(lines[1]!)).toMatchObject({ route: 'not-found', status: 404 });
    const all = lines.join('\n');
    for (const secret of ['answer-42', 'secret', 'AgentSmith', '203.0.113.7', '127.0.0.1', 'in-russia', 'private-path']) expect(all).not.toContain(secret);
  });

  it('writes nothing when the log level is silent', async () => {
    const lines: string[] = [];
    const app = express();
    app.use(accessLog(testConfig({ logLevel: 'silent' }), (l) => lines.push(l)));
    app.get('/', (_req, res) => res.send('x'));
    await request(app).get('/');
    expect(lines).toEqual([]);
  });

  it('writes the lines of one turn of the event loop in one write, in order, and nothing when there is nothing', async () => {
    const writes: string[] = [];
    const write = batchedStdout({ write: (text: string) => writes.push(text) });
    write('{"a":1}');
    write('{"a":2}');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['{"a":1}\n{"a":2}\n']);
    write('{"a":3}');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['{"a":1}\n{"a":2}\n', '{"a":3}\n']);
  });
});
