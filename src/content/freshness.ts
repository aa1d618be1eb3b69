import { createHash } from 'node:crypto';

/** A short fingerprint of a source-language text; a translation records the one it was made from. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

export const FRESHNESS_FILE = '_freshness.json';
