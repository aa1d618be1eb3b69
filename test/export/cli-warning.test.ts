import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localAddressWarning } from '../../src/export/export.js';
import { ROOT } from '../../src/paths.js';

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the export's warning about this machine's address", () => {
  it('names the --base-url it was given and says why it warns', () => {
    const w = localAddressWarning('http://127.0.0.1:8080', { flag: 'http://127.0.0.1:8080', env: 'https://example.org' });
    expect(w).toMatch(/^warning: --base-url http:\/\/127\.0\.0\.1:8080 is an address of this machine: /);
    expect(w).toContain('which readers of a mirror cannot open');
    expect(w).not.toContain('no --base-url given');
  });

  it('names BASE_URL when that is where the address came from', () => {
    const w = localAddressWarning('http://localhost:3000', { env: 'http://localhost:3000/' });
    expect(w).toMatch(/^warning: BASE_URL=http:\/\/localhost:3000\/ \(no --base-url given\) is an address of this machine: /);
  });

  it('says that nothing was given when the default is used', () => {
    const w = localAddressWarning('http://localhost:3000', {});
    expect(w).toMatch(/^warning: no --base-url given and BASE_URL is not set, so the default http:\/\/localhost:3000 is an address of this machine: /);
  });

  it('does not warn for a public address', () => {
    expect(localAddressWarning('https://mirror.example.org', { flag: 'https://mirror.example.org' })).toBeUndefined();
  });

  it('npm run export -- --base-url http://127.0.0.1:… prints that address in its warning, once, and still exports', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'export-cli-')), 'site');
    temp.push(out);
    const env = { ...process.env };
    delete env.BASE_URL; // vitest sets Vite's BASE_URL ("/")
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/export.ts', '--out', out, '--base-url', 'http://127.0.0.1:8099'], { cwd: ROOT, env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const warnings = stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toEqual([expect.stringMatching(/^warning: --base-url http:\/\/127\.0\.0\.1:8099 is an address of this machine: /)]);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  }, 120_000);
});
