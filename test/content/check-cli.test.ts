import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { ROOT } from '../../src/paths.js';

describe('npm run check', () => {
  it('accepts the real content: exit 0 and "content is valid"', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/check.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.error).toBeUndefined();
    // On failure, show the problems the command printed (without npm's notices and the list of stale translations).
    const printed = run.stderr
      .split('\n')
      .filter((l) => l && !l.startsWith('npm warn') && !/^\s+stale: /.test(l))
      .join('\n');
    expect(run.status, printed).toBe(0);
    expect(run.stdout).toMatch(/^check: content is valid: \d+ positions, \d+ sources, \d+ languages \(\d+ ms\)$/m);
  }, 60_000);

  it('measures how long loading the real content takes (for information only)', () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      loadContent();
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `loadContent() on the real content: first run ${times[0]!.toFixed(1)} ms, median of ${times.length} runs ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms`,
    );
    expect(times).toHaveLength(5);
  });
});
