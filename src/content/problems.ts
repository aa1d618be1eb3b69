import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from '../paths.js';

/** One thing wrong with the content, said so that an editor can find and fix it. */
export interface Problem {
  file: string;
  line?: number;
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const file = relative(ROOT, p.file) || p.file;
  const where = p.line ? `${file}:${p.line}` : file;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** The inverse of formatPath: "questions[0].askIf.where[1]" → ["questions", 0, "askIf", "where", 1]. */
export function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] as string)));
}

/** Says on which line a path (as in formatPath) stands in one file, or undefined. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Collects problems while loading; the loader fails when there is any.
 * A problem given without a line gets one from its file (once the file was read): the line of the
 * key its path names, or of the nearest entry that contains it.
 */
export class ProblemList {
  readonly items: Problem[] = [];
  private readonly files = new Map<string, LineOf>();

  /** Makes the lines of a file that was read known to later problems. */
  register(file: string, lineOf: LineOf): void {
    this.files.set(file, lineOf);
  }

  /** The problem with its line, where its file was read and the path (or an entry around it) is found. */
  locate(p: Problem): Problem {
    if (p.line !== undefined) return p;
    const line = this.files.get(p.file)?.(parsePath(p.path));
    return line === undefined ? p : { ...p, line };
  }

  add(p: Problem): void {
    this.items.push(this.locate(p));
  }

  /**
   * Gives a line to every problem whose file has lines: found through the path where the file was read,
   * otherwise line 1 (a problem about a whole file that was never read, such as an extra locale file).
   * Missing files and folders have no line.
   */
  resolveLines(): void {
    this.items.forEach((p, i) => {
      const located = this.locate(p);
      this.items[i] = located.line === undefined && isFile(p.file) ? { ...located, line: 1 } : located;
    });
  }

  get size(): number {
    return this.items.length;
  }
}

/** Thrown when the content cannot be used; the message lists every problem. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The content has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}
