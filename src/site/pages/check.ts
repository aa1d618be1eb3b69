import type { PageBuilder } from './index.js';
import type { Site } from '../site.js';

/** The finder's question and outcome pages (filled in by the finder work). */
export function checkPages(_site: Site, _lang: string): PageBuilder[] {
  return [];
}

export type Submission = { redirect: string } | { page: import('../page.js').Page } | undefined;

/** A submitted finder form (answers in the query string): where it leads (filled in by the finder work). */
export function checkSubmission(_site: Site, _path: string, _query: Record<string, unknown>): Submission {
  return undefined;
}
