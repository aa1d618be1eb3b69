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

/** Collects problems while loading; the loader fails when there is any. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(p: Problem): void {
    this.items.push(p);
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
