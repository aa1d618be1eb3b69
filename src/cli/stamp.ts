import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flatten } from '../content/flatten.js';
import { FRESHNESS_FILE, fingerprint } from '../content/freshness.js';
import { loadContent } from '../content/load.js';
import { sourceTextFor } from '../content/locales.js';
import { DEFAULT_DIRS } from '../paths.js';

/**
 * npm run translations:stamp -- LANG [KEY-PREFIX]
 * Records that the LANG texts (all, or those whose "ns:key" starts with KEY-PREFIX) now match
 * the current English text. Run it after you have updated a translation.
 */
const [lang, prefix = ''] = process.argv.slice(2);
const { content, problems } = loadContent();
if (!lang || !content || !content.langCodes.includes(lang) || lang === content.sourceLang) {
  console.error('usage: npm run translations:stamp -- LANG [KEY-PREFIX]  (LANG: a translated language; the content must pass npm run check)');
  if (problems.length > 0) console.error(`npm run check reports ${problems.length} problem(s): fix them first`);
  process.exit(1);
}
const file = join(DEFAULT_DIRS.locales, lang, FRESHNESS_FILE);
let recorded: Record<string, string> = {};
try {
  recorded = Object.fromEntries(flatten(JSON.parse(readFileSync(file, 'utf8'))) as Map<string, string>);
} catch {
  recorded = {};
}
const source = content.locales.flat[content.sourceLang] ?? new Map<string, string>();
let count = 0;
for (const key of content.locales.flat[lang]?.keys() ?? []) {
  const original = sourceTextFor(source, key);
  if (!key.startsWith(prefix) || original === undefined) continue;
  recorded[key] = fingerprint(original);
  count++;
}
const sorted = Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`stamped ${count} ${lang} text(s) as made from the current English`);
