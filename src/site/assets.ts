import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIEWS_DIR } from '../paths.js';

export interface Asset {
  /** The address, with a content hash in the name, e.g. /assets/site.1a2b3c4d.css */
  href: string;
  type: string;
  body: Buffer;
}

/** Reads the static files once; their names carry a hash of their content, so they can be cached for a year. */
export function loadAssets(dir = join(VIEWS_DIR, 'assets')): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [name, type] of [
    ['site.css', 'text/css; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
  ] as const) {
    const body = readFileSync(join(dir, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const href = `/assets/${name.replace(/\.(\w+)$/, `.${hash}.$1`)}`;
    assets.set(name, { href, type, body });
  }
  return assets;
}
