import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { loadContent, type LoadResult } from '../../src/content/load.js';
import { formatProblem, type Problem } from '../../src/content/problems.js';
import { DEFAULT_DIRS, type ContentDirs } from '../../src/paths.js';

/** A JSON object as read from a locale file. */
export type Json = Record<string, unknown>;

/** Copies a folder; tries again when a file vanished mid-copy because someone was saving it. */
function copyWithRetry(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      cpSync(from, to, { recursive: true, force: true });
      return;
    } catch (e) {
      if (attempt >= 3 || (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/**
 * A throw-away copy of the real rules/ and locales/ in the system's temporary folder.
 * Tests break one thing in it and check that the loader names that thing.
 * Paths given to its methods are relative to the copy, like "rules/sources.yaml".
 */
export class Fixture {
  readonly root: string;
  readonly dirs: ContentDirs;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'content-fixture-'));
    this.dirs = { rules: join(this.root, 'rules'), locales: join(this.root, 'locales') };
    copyWithRetry(DEFAULT_DIRS.rules, this.dirs.rules);
    copyWithRetry(DEFAULT_DIRS.locales, this.dirs.locales);
  }

  /** The absolute path of a file in the copy. */
  path(rel: string): string {
    return join(this.root, rel);
  }

  exists(rel: string): boolean {
    return existsSync(this.path(rel));
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  write(rel: string, text: string): void {
    writeFileSync(this.path(rel), text);
  }

  /** Rewrites a text file; fails when the edit changes nothing, so that a test cannot silently break nothing. */
  edit(rel: string, change: (text: string) => string): void {
    const before = this.read(rel);
    const after = change(before);
    if (after === before) throw new Error(`fixture: the edit of ${rel} changed nothing`);
    this.write(rel, after);
  }

  /** Replaces the one line that matches `pattern` (a whole line, without its newline). */
  replaceLine(rel: string, pattern: RegExp, replacement: string): void {
    this.edit(rel, (text) => {
      const lines = text.split('\n');
      const hits = lines.flatMap((l, i) => (pattern.test(l) ? [i] : []));
      if (hits.length !== 1) throw new Error(`fixture: ${String(pattern)} matches ${hits.length} lines of ${rel}, not one`);
      if (replacement === '') lines.splice(hits[0]!, 1);
      else lines[hits[0]!] = replacement;
      return lines.join('\n');
    });
  }

  /** The 1-based line number of the one line that matches `pattern`. */
  lineOf(rel: string, pattern: RegExp): number {
    const lines = this.read(rel).split('\n');
    const hits = lines.flatMap((l, i) => (pattern.test(l) ? [i + 1] : []));
    if (hits.length !== 1) throw new Error(`fixture: ${String(pattern)} matches ${hits.length} lines of ${rel}, not one`);
    return hits[0]!;
  }

  readJson(rel: string): Json {
    return JSON.parse(this.read(rel)) as Json;
  }

  writeJson(rel: string, data: unknown): void {
    this.write(rel, `${JSON.stringify(data, null, 2)}\n`);
  }

  /** Changes a JSON file through its parsed value. */
  editJson(rel: string, change: (data: Json) => void): void {
    const data = this.readJson(rel);
    change(data);
    this.writeJson(rel, data);
  }

  rename(from: string, to: string): void {
    renameSync(this.path(from), this.path(to));
  }

  copy(from: string, to: string): void {
    cpSync(this.path(from), this.path(to), { recursive: true });
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { recursive: true, force: true });
  }

  load(today?: string): LoadResult {
    return loadContent(this.dirs, today);
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * A fresh fixture for each test of the enclosing describe, removed after the test:
 * `const fx = eachTestFixture();` then use `fx` in the tests as a Fixture.
 */
export function eachTestFixture(): Fixture {
  let current: Fixture | undefined;
  // Copying the content takes a few milliseconds; the margin is for a busy machine.
  beforeEach(() => {
    current = new Fixture();
  }, 30_000);
  afterEach(() => {
    current?.cleanup();
    current = undefined;
  });
  return new Proxy({} as Fixture, {
    get(_target, key) {
      if (!current) throw new Error('fixture: use it inside a test');
      const value: unknown = Reflect.get(current, key, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}

/** What a test expects of one problem: the file (relative to the fixture), the field and words of the message. */
export interface Expected {
  file: string;
  path: string;
  message: string | RegExp;
  line?: number;
}

/** The problems reported for one file and field, as the lines `npm run check` would print. */
export function problemsAt(result: LoadResult, fx: Fixture, file: string, path: string): string[] {
  return result.problems.filter((p) => p.file === fx.path(file) && p.path === path).map(formatProblem);
}

/**
 * Asserts that the content was refused and that one problem names this file and field with this message.
 * On failure, vitest shows every problem the loader did report.
 */
export function expectProblem(result: LoadResult, fx: Fixture, want: Expected): Problem {
  expect(result.content, 'the loader must refuse broken content').toBeUndefined();
  const shape: Record<string, unknown> = {
    file: fx.path(want.file),
    path: want.path,
    message: typeof want.message === 'string' ? expect.stringContaining(want.message) : expect.stringMatching(want.message),
  };
  if (want.line !== undefined) shape.line = want.line;
  expect(result.problems).toContainEqual(expect.objectContaining(shape));
  const found = result.problems.find(
    (p) =>
      p.file === fx.path(want.file) &&
      p.path === want.path &&
      (typeof want.message === 'string' ? p.message.includes(want.message) : want.message.test(p.message)) &&
      (want.line === undefined || p.line === want.line),
  );
  // The printed line names the file (relative to the project) and the field.
  const printed = formatProblem(found!);
  expect(printed).toContain(want.file);
  if (want.path) expect(printed).toContain(`: ${want.path}: `);
  if (want.line !== undefined) expect(printed).toContain(`${want.file}:${want.line}: `);
  return found!;
}

/** Turns nested texts into "a.b.c" → text pairs. */
export function flat(obj: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flat(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, obj);
  return out;
}

/** Sets "a.b.c" in nested texts, creating the groups on the way. */
export function setIn(obj: Json, key: string, value: unknown): void {
  const parts = key.split('.');
  let at = obj;
  for (const part of parts.slice(0, -1)) {
    if (at[part] === null || typeof at[part] !== 'object') at[part] = {};
    at = at[part] as Json;
  }
  at[parts.at(-1)!] = value;
}

/** Removes "a.b.c" from nested texts; returns whether it was there. */
export function deleteIn(obj: Json, key: string): boolean {
  const parts = key.split('.');
  let at: unknown = obj;
  for (const part of parts.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return false;
    at = (at as Json)[part];
  }
  if (at === null || typeof at !== 'object') return false;
  const last = parts.at(-1)!;
  const had = last in (at as Json);
  delete (at as Json)[last];
  return had;
}
