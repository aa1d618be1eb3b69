import type { PageBuilder } from './index.js';
import type { Site } from '../site.js';

/** The printable sheets (filled in by the sheets work). */
export function sheetPages(_site: Site, _lang: string): PageBuilder[] {
  return [];
}
