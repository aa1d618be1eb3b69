import type { StatusKind } from '../content/schema.js';
import type { Translate } from './i18n.js';

/**
 * A position's status in words, as one-line summaries, the timeline and the "now" block show it. An
 * "unconfirmed" status never stands bare: it says what is not confirmed (`positions:{id}.unconfirmed`,
 * required by `npm run check` for every position with that status).
 */
export function statusWords(t: Translate, kind: StatusKind, id: string): string {
  const words = t(`ui:status.${kind}`);
  return kind === 'unconfirmed' ? t('ui:status.unconfirmedWhat', { status: words, what: t(`positions:${id}.unconfirmed`) }) : words;
}
