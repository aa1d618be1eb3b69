import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project's top folder; every other path is derived from it. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ContentDirs {
  rules: string;
  locales: string;
}

export const DEFAULT_DIRS: ContentDirs = {
  rules: join(ROOT, 'rules'),
  locales: join(ROOT, 'locales'),
};

export const VIEWS_DIR = join(ROOT, 'views');
