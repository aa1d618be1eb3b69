import { join } from 'node:path';
import type { Locales } from './locales.js';
import type { Problem } from './problems.js';
import type { Source } from './schema.js';

/**
 * Variants to avoid, as written in locales/{lang}/glossary.json "avoid" lists:
 * - a plain phrase matches whole words, ignoring letter case ("draft dodger");
 *   a trailing * on a word allows any ending ("Einberufungsbefehl*", "военнообязанн* возраст*");
 * - /…/ is a JavaScript regular expression (Unicode, case-insensitive), for variants that need
 *   context, e.g. /закон\S* о пребывании(?! иностранцев)/.
 */
export function variantPattern(variant: string): RegExp {
  const regex = /^\/(.+)\/$/s.exec(variant);
  if (regex) return new RegExp(regex[1] as string, 'iu');
  const words = variant
    .trim()
    .split(/\s+/)
    .map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}[\\p{L}\\p{N}-]*` : `${escape(w)}(?![\\p{L}\\p{N}])`));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}`, 'iu');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a variant occurs in a text: the matched words, or undefined. */
export function findVariant(text: string, variant: string): string | undefined {
  return variantPattern(variant).exec(text)?.[0];
}

/** Why a variant cannot be used as a pattern, or undefined when it can. */
export function variantError(variant: string): string | undefined {
  try {
    variantPattern(variant);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** A text that quotes a source in its own language is the original wording: never "corrected". */
function isOriginalQuote(key: string, lang: string, sourceLang: Map<string, string>): boolean {
  const m = /^positions:[^.]+\.quotes\.(.+)$/.exec(key);
  return m !== null && sourceLang.get(m[1] as string) === lang;
}

/**
 * Warnings, one per text and variant: a locale text uses a word its glossary lists as one to avoid.
 * Original-language quotes are exempt.
 */
export function termWarnings(localesDir: string, locales: Locales, sources: Source[] | Map<string, string>): Problem[] {
  const sourceLang = sources instanceof Map ? sources : new Map(sources.map((s) => [s.id, s.lang]));
  const out: Problem[] = [];
  for (const [lang, byTerm] of Object.entries(locales.avoid)) {
    const texts = locales.flat[lang] ?? new Map<string, string>();
    const rules = [...byTerm].flatMap(([term, variants]) => variants.map((v) => ({ term, variant: v, pattern: variantPattern(v) })));
    for (const [key, text] of texts) {
      if (isOriginalQuote(key, lang, sourceLang)) continue;
      for (const { term, pattern } of rules) {
        const found = pattern.exec(text)?.[0];
        if (found === undefined) continue;
        const preferred = texts.get(`glossary:${term}.term`) ?? term;
        out.push({
          file: join(localesDir, lang, `${key.split(':')[0]}.json`),
          path: key.slice(key.indexOf(':') + 1),
          message: `uses "${found}", a variant to avoid: write "${preferred}" (glossary term "${term}")`,
        });
      }
    }
  }
  return out;
}
