import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ROOT } from '../paths.js';

/** A free TCP port on the loopback interface (the server under test is then told to use it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  url: string;
  /** Stops the child and everything it started (its own process group), and waits until it has gone. */
  stop(): Promise<void>;
}

/** Starts a command in its own process group, listening on 127.0.0.1:port; output is discarded. */
export function startProcess(command: string, args: string[], port: number, env: Record<string, string> = {}): Child {
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    // production refuses to start without a public address (src/config.ts): a placeholder one
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', BASE_URL: 'https://bench.example.org', ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        const killLater = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(killLater);
      }
    },
  };
}

/** Polls an address until it answers 200; returns the milliseconds since `since`. */
export async function waitFor200(url: string, since: number, timeoutMs = 30_000): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/** The resident memory of a process, in bytes (from ps, so it works on Linux and macOS). */
export function rssBytes(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}

/** Clock ticks per second of /proc/PID/stat's CPU times. */
let ticks: number | undefined;

/** The CPU time (user and system) a process has used so far, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
}

/** Runs a command to its end; returns its wall time in ms and exit code (output is discarded). */
export function timeCommand(command: string, args: string[]): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ ms: performance.now() - started, code }));
  });
}
