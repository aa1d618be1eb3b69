import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ExportedFile } from './documents.js';

/** A previous export: nothing at the top but what an export writes, and our root page (it has the caveat). */
async function isPreviousExport(dir: string, entries: string[], topLevelNames: Set<string>): Promise<boolean> {
  if (!entries.every((name) => topLevelNames.has(name)) || !entries.includes('index.html')) return false;
  const index = await readFile(resolve(dir, 'index.html'), 'utf8').catch(() => '');
  return index.includes('id="caveat"');
}

/**
 * Makes `dir` ready for an export. A new or empty folder is used as it is. A previous export is
 * emptied first, so no page that the site no longer has stays behind. Any other folder is
 * refused: an export never deletes someone's files.
 */
export async function prepareFolder(dir: string, topLevelNames: Set<string>): Promise<void> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await mkdir(dir, { recursive: true });
    return;
  }
  if (entries.length === 0) return;
  if (!(await isPreviousExport(dir, entries, topLevelNames))) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', ...' : '');
    throw new Error(`${dir} is not empty and is not a previous export (it holds ${shown}); choose a new or empty folder`);
  }
  for (const name of entries) await rm(resolve(dir, name), { recursive: true, force: true });
}

/** The first segment of each file's path: what the export puts at the top of its folder. */
export function topLevelNames(files: ExportedFile[]): Set<string> {
  return new Set(files.map((f) => f.file.split('/')[0] ?? f.file));
}

/** Writes every file below `dir`; if any path would leave the folder, nothing is written. */
export async function writeFiles(dir: string, files: ExportedFile[]): Promise<number> {
  const root = resolve(dir);
  const targets = files.map((f) => {
    const target = resolve(root, f.file);
    const inside = relative(root, target);
    if (inside === '' || inside.startsWith('..') || inside.startsWith(sep) || resolve(root, inside) !== target) {
      throw new Error(`refusing to write ${JSON.stringify(f.file)}: outside the export folder`);
    }
    return { target, body: f.body };
  });
  let bytes = 0;
  for (const { target, body } of targets) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, body);
    bytes += Buffer.byteLength(body);
  }
  return bytes;
}
