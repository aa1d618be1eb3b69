import { join } from 'node:path';
import { alreadyReported } from './locales.js';
import type { ProblemList } from './problems.js';
import type { Rules } from './rules.js';
import { ChangeKind, PositionKind, SourceKind, StatusKind } from './schema.js';

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
  for (const h of r.help) keys.push(`help:${h.id}.what`);
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
