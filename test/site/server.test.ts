import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/paths.js';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts src/server.ts with the given environment; resolves when it exits or prints "Listening". */
function start(env: Record<string, string>) {
  // vitest puts Vite's BASE_URL ("/") into process.env; the server must not inherit it
  const inherited = { ...process.env };
  delete inherited.BASE_URL;
  const child = spawn(TSX, ['src/server.ts'], { cwd: ROOT, env: { ...inherited, LOG_LEVEL: 'silent', ...env } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += String(d)));
  child.stderr.on('data', (d: Buffer) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('Listening')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(out));
    });
  });
  listening.catch(() => undefined);
  return { child, exited, listening, output: () => out };
}

/** Runs `npm start` or `npm run dev` as a reader would, in its own process group so that nothing it leaves behind is missed. */
function npmRun(script: 'start' | 'dev', env: Record<string, string>) {
  const inherited = { ...process.env };
  delete inherited.BASE_URL;
  const child = spawn('npm', ['run', script], { cwd: ROOT, env: { ...inherited, LOG_LEVEL: 'silent', ...env }, detached: true });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += String(d)));
  child.stderr.on('data', (d: Buffer) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

/** Whether anything still accepts connections on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the server', () => {
  it('serves, then finishes and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const s = start({ PORT: String(port), HOST: '127.0.0.1' });
    await s.listening;
    const res = await fetch(`http://127.0.0.1:${port}/ru/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 30_000);

  it('refuses to start with a bad setting and names it', async () => {
    const s = start({ PORT: 'eighty' });
    expect(await s.exited).toBe(1);
    expect(s.output().trim()).toMatch(/^Invalid configuration: PORT: must be a port number from 1 to 65535, in decimal digits only \(got "eighty"\)$/);
  }, 30_000);

  it.each([
    [{ PORT: '0x4683' }, 'PORT: must be a port number'],
    [{ NODE_ENV: 'production' }, 'BASE_URL: must be set in production'],
    [{ NODE_ENV: 'production', BASE_URL: 'http://127.0.0.1:3000' }, "BASE_URL: must be the public address in production (NODE_ENV=production), not this machine's"],
    [{ HOST: '192.0.2.1' }, 'HOST 192.0.2.1 is not an address of this machine'],
  ])('refuses to start with %j in one line that names the setting', async (env, message) => {
    const s = start({ PORT: String(await freePort()), ...env });
    expect(await s.exited).toBe(1);
    const out = s.output().trim();
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain(message);
  }, 30_000);

  it.each([
    ['https://user:pass@example.org', 'must not contain a user name or password'],
    ['https://example.org/?q=1#x', 'must not contain a query'],
    ['https://example.org/#x', 'must not contain a fragment'],
    ['ftp://example.org', 'must start with http:// or https://'],
    ['example.org', 'must be a full http:// or https:// address'],
    ["https://example.org/a'b", 'may only contain letters, digits'],
    [`https://example.org/${'a'.repeat(2400)}`, 'must be at most 200 characters'],
  ])('refuses BASE_URL=%s with one line that names it', async (value, message) => {
    const s = start({ BASE_URL: value, PORT: String(await freePort()) });
    expect(await s.exited).toBe(1);
    const out = s.output().trim();
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain(`BASE_URL: ${message}`);
    expect(out).not.toMatch(/\bat \S+:\d+:\d+/);
  }, 30_000);

  it('accepts BASE_URL in any letter case, with a path, and sends HSTS for https', async () => {
    const port = await freePort();
    const s = start({ BASE_URL: 'HTTPS://Example.ORG/Mirror/', PORT: String(port), HOST: '127.0.0.1' });
    await s.listening;
    const res = await fetch(`http://127.0.0.1:${port}/en/about`);
    expect(await res.text()).toContain('<link rel="canonical" href="https://example.org/Mirror/en/about">');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 30_000);

  it('refuses to start on broken content and names the file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    temp.push(dir);
    cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
    cpSync(join(ROOT, 'locales'), join(dir, 'locales'), { recursive: true });
    writeFileSync(join(dir, 'rules', 'positions', 'welcome-statement.yaml'), 'id: welcome-statement\nkind: rumour\n');
    const s = start({ CONTENT_DIR: dir, PORT: String(await freePort()) });
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain('The server cannot start');
    expect(s.output()).toMatch(/rules\/positions\/welcome-statement\.yaml:2: kind: must be one of: ministry-statement/);
  }, 30_000);

  // a process manager sends SIGTERM to npm; Ctrl-C in a terminal sends SIGINT to the whole foreground group
  it.each([
    ['start', 'SIGTERM to npm', (pid: number): boolean => process.kill(pid, 'SIGTERM')],
    ['dev', 'SIGTERM to npm', (pid: number): boolean => process.kill(pid, 'SIGTERM')],
    ['dev', 'Ctrl-C (SIGINT to the group)', (pid: number): boolean => process.kill(-pid, 'SIGINT')],
  ] as const)('npm %s: %s stops the server, and no process is left behind', async (script, _how, stop) => {
    const port = await freePort();
    const s = npmRun(script, { PORT: String(port), HOST: '127.0.0.1' });
    const deadline = Date.now() + 60_000;
    while (!s.output().includes('Listening') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(s.output()).toContain('Listening');
    expect(await answers(port)).toBe(true);
    stop(s.child.pid!);
    const code = await s.exited;
    await new Promise((r) => setTimeout(r, 500));
    expect(await answers(port)).toBe(false);
    // nothing of the process group is alive (kill with signal 0 only asks)
    expect(() => process.kill(-s.child.pid!, 0)).toThrow();
    // and npm reports the server's own clean exit
    expect(code).toBe(0);
  }, 90_000);
});
