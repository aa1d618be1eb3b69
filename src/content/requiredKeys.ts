import { join } from 'node:path';
import { alreadyReported } from './locales.js';
import type { ProblemList } from './problems.js';
import type { Rules } from './rules.js';
import { needsWarning } from './helpCheck.js';
import { ChangeKind, ContactKind, HelpTopic, PositionKind, RussiaStatusKind, SourceKind, StatusKind } from './schema.js';

/** The help directory's own words (locales/{lang}/help.json, under "ui"). */
export const HELP_UI_KEYS = [
  'title', 'intro', 'caveat', 'placesTitle', 'allTitle', 'placeTitle', 'placeIntro', 'answersIn', 'languagesUnconfirmed', 'helpsWith', 'forWhom',
  'status', 'statusSince', 'stillListed', 'checked', 'website', 'addressOnWebsite', 'fromAbroad', 'noContact', 'safetyTitle',
  'authoritiesTitle', 'authoritiesIntro', 'counsellor', 'inShort', 'moreLink', 'moreOrgs', 'allLink', 'sourcesTitle',
  'imprintTitle', 'imprintIntro', 'imprintNone', 'publisherName', 'publisherAddress', 'publisherEmail', 'aboutPublisher',
].map((k) => `help:ui.${k}`);

/** The source-language texts that the rules call for, as "ns:key". */
export function requiredKeys(r: Rules): string[] {
  const keys: string[] = [];
  for (const { position: p } of r.positions) {
    const k = `positions:${p.id}`;
    keys.push(...['title', 'summary', 'now', 'said', 'means', 'doesNotMean', 'nextSteps'].map((f) => `${k}.${f}`));
    for (const s of p.sources) if (s.quote) keys.push(`${k}.quotes.${s.source}`);
    if (p.reportDiffers) keys.push(`${k}.reportSaid`, `${k}.primarySays`);
    if (p.afterwards.length > 0) keys.push(`${k}.afterwards`);
    // "Not confirmed for today" never stands bare: the position says what is not confirmed.
    if (p.status.kind === 'unconfirmed') keys.push(`${k}.unconfirmed`);
  }
  for (const a of r.actors) keys.push(`actors:${a.id}.name`, `actors:${a.id}.role`);
  for (const o of r.help.organisations) keys.push(`help:${o.id}.what`, ...(needsWarning(o) ? [`help:${o.id}.warning`] : []));
  for (const n of r.help.safety) keys.push(`help:safety.${n.id}`);
  for (const a of r.help.authorities) keys.push(`help:authorities.${a.id}`);
  keys.push(...HELP_UI_KEYS, ...ContactKind.options.map((k) => `help:contactKinds.${k}`), ...RussiaStatusKind.options.map((k) => `help:statusKinds.${k}`), ...HelpTopic.options.map((k) => `help:topics.${k}`));
  for (const c of r.caveats) keys.push(`caveats:${c}`);
  r.questions.forEach((q, i) => {
    keys.push(`finder:${q.id}.question`);
    for (const o of q.options) {
      keys.push(`finder:${q.id}.options.${o}.label`, `finder:${q.id}.options.${o}.outcome`, `finder:${q.id}.options.${o}.short`);
      // The first question's answers name a place: neutral page titles say only that.
      if (i === 0) keys.push(`finder:${q.id}.options.${o}.place`);
    }
  });
  for (const t of r.glossary) keys.push(`glossary:${t.id}.term`, `glossary:${t.id}.short`, `glossary:${t.id}.explain`);
  for (const c of r.charts) keys.push(`figures:${c.id}.title`, `figures:${c.id}.note`, ...c.bars.map((b) => `figures:${c.id}.bars.${b.id}`));
  for (const note of new Set(r.positions.flatMap(({ position: p }) => p.changes.flatMap((c) => (c.note ? [c.note] : []))))) keys.push(`changes:${note}`);
  for (const kind of ChangeKind.options) keys.push(`ui:changeKinds.${kind}`);
  for (const s of r.sources) if (s.publisherNote) keys.push(`sources:${s.id}.publisher`);
  for (const kind of PositionKind.options) keys.push(`ui:kinds.${kind}.label`, `ui:kinds.${kind}.explain`);
  for (const kind of SourceKind.options) keys.push(`ui:sourceKinds.${kind}`);
  for (const kind of StatusKind.options) keys.push(`ui:status.${kind}`);
  return keys;
}

/** Content namespaces may hold only texts for entries that exist in rules/. */
const OWNED = new Set(['positions', 'actors', 'help', 'caveats', 'finder', 'glossary', 'sources', 'figures', 'changes']);

/**
 * Checks that the source language has every text the rules call for, and no text for an entry that does not exist.
 * `reported`: files and texts that already have a problem of their own (see Locales.reported); they are left alone.
 */
export function checkSourceTexts(r: Rules, localesDir: string, texts: Map<string, string>, reported: Set<string> | undefined, problems: ProblemList): void {
  const required = new Set(requiredKeys(r));
  const file = (k: string) => join(localesDir, r.sourceLang, `${k.split(':')[0]}.json`);
  const key = (k: string) => k.slice(k.indexOf(':') + 1);
  for (const k of required) {
    if (!texts.has(k) && !alreadyReported(reported, k)) problems.add({ file: file(k), path: key(k), message: 'is missing: write this text' });
  }
  if (r.incomplete) return;
  for (const k of texts.keys()) {
    if (OWNED.has(k.split(':')[0] ?? '') && !required.has(k)) {
      problems.add({ file: file(k), path: key(k), message: 'is not used by anything in rules/: remove it or check its name' });
    }
  }
}
