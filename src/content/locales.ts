import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { flatten, pluralBase } from './flatten.js';
import { FRESHNESS_FILE, fingerprint } from './freshness.js';
import { HTML, HTML_MESSAGE } from './plainText.js';
import { readDataFile } from './readFile.js';
import type { Problem, ProblemList } from './problems.js';
import { variantError } from './terminology.js';

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

export interface Locales {
  /** lang → namespace → nested texts, as i18next reads them. */
  resources: Resources;
  /** lang → "ns:key" → text, with plural keys as written (items_one, items_few...). */
  flat: Record<string, Map<string, string>>;
  /** lang → the "ns:key" texts whose English original changed after they were translated. */
  stale: Record<string, Set<string>>;
  /** lang → glossary term id → the variants to avoid in that language (glossary.json "avoid" lists). */
  avoid: Record<string, Map<string, string[]>>;
  /**
   * lang → what already has its own problem: "ns" for a file that is missing or cannot be read, "ns:key" for
   * a text that was refused. Other checks leave these alone, so that one mistake gives one message.
   */
  reported: Record<string, Set<string>>;
}

/** True when a "ns:key" (or its whole file) already has a problem of its own in this language. */
export function alreadyReported(reported: Set<string> | undefined, key: string): boolean {
  return reported !== undefined && (reported.has(key) || reported.has(key.split(':')[0] ?? ''));
}

// a placeholder, with or without a format after a comma ({{status, lowerFirst}})
const VARS = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

function vars(text: string): string {
  return [...text.matchAll(VARS)].map((m) => m[1]).sort().join(',');
}

/**
 * The i18next forms in a text other than a plain {{name}}: unescaped {{- name}}, formatted
 * {{name, format}}, nesting $t(key), and stray {{ or }}. A translation may only use those English has.
 */
const FORMS = /\{\{[^{}]*\}\}|\$t\(|\{\{|\}\}/g;
const PLAIN = /^\{\{\s*[\w.]+\s*\}\}$/;
function specialForms(text: string): string[] {
  return [...text.matchAll(FORMS)].map((m) => m[0].replace(/\s+/g, ' ')).filter((f) => !PLAIN.test(f));
}

function namespaces(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** The English text a translated key was made from (plural forms compare with English "_other"). */
export function sourceTextFor(source: Map<string, string>, key: string): string | undefined {
  const direct = source.get(key);
  if (direct !== undefined) return direct;
  const [base, cat] = pluralBase(key);
  return cat ? source.get(`${base}_other`) : undefined;
}

/** Takes the "avoid" lists out of a glossary file: they are rules for the check, not texts to translate. */
function takeAvoidLists(file: string, data: Record<string, unknown>, avoid: Map<string, string[]>, problems: ProblemList): Record<string, unknown> {
  const texts: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(data)) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || !('avoid' in entry)) {
      texts[id] = entry;
      continue;
    }
    const { avoid: list, ...rest } = entry as Record<string, unknown>;
    texts[id] = rest;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' || v.trim() === '')) {
      problems.add({ file, path: `${id}.avoid`, message: 'must be a list of variants in quotes, like ["draft dodger"]' });
      continue;
    }
    const bad = (list as string[]).findIndex((v) => variantError(v) !== undefined);
    if (bad >= 0) problems.add({ file, path: `${id}.avoid[${bad}]`, message: `is not a valid pattern: ${variantError(list[bad] as string)}` });
    else avoid.set(id, list as string[]);
  }
  return texts;
}

function readLanguage(dir: string, lang: string, nsList: string[], problems: ProblemList) {
  const tree: Record<string, Record<string, unknown>> = {};
  const flat = new Map<string, string>();
  const avoid = new Map<string, string[]>();
  const reported = new Set<string>();
  for (const ns of nsList) {
    const file = join(dir, lang, `${ns}.json`);
    if (!existsSync(file)) {
      problems.add({ file, path: '', message: `the file is missing: copy locales/en/${ns}.json and translate it` });
      reported.add(ns);
      continue;
    }
    const parsed = readDataFile(file, problems);
    if (!parsed) {
      reported.add(ns);
      continue;
    }
    if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
      problems.add({ file, path: '', message: 'must be a group of "key": "text" pairs' });
      reported.add(ns);
      continue;
    }
    const data = ns === 'glossary' ? takeAvoidLists(file, parsed.data as Record<string, unknown>, avoid, problems) : (parsed.data as Record<string, unknown>);
    tree[ns] = data;
    for (const [key, value] of flatten(data)) {
      const at: Problem = { file, path: key, message: '' };
      const refuse = (message: string) => {
        problems.add({ ...at, message });
        reported.add(`${ns}:${key}`);
      };
      if (typeof value !== 'string') refuse('must be text in quotes');
      else if (value.trim() === '') refuse('is empty: write the text');
      else if (HTML.test(value)) refuse(HTML_MESSAGE);
      else flat.set(`${ns}:${key}`, value);
    }
  }
  return { tree, flat, avoid, reported };
}

function compareKeys(
  lang: string,
  dir: string,
  source: Map<string, string>,
  target: Map<string, string>,
  reported: { source: Set<string>; target: Set<string> },
  problems: ProblemList,
) {
  const categories = new Set(new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[]);
  const fileOf = (k: string) => join(dir, lang, `${k.split(':')[0]}.json`);
  const keyOf = (k: string) => k.slice(k.indexOf(':') + 1);
  const sourceBases = new Map<string, boolean>();
  // A refused English text still counts as there: its translation is not "not in the English texts".
  const sourceKeys = [...source.keys(), ...[...reported.source].filter((k) => k.includes(':'))];
  for (const k of sourceKeys) {
    const [base, cat] = pluralBase(k);
    sourceBases.set(base, Boolean(cat) || sourceBases.get(base) === true);
  }
  for (const [base, plural] of sourceBases) {
    const want = plural ? [...categories].map((c) => `${base}_${c}`) : [base];
    for (const k of want) {
      if (!target.has(k) && !alreadyReported(reported.target, k)) problems.add({ file: fileOf(k), path: keyOf(k), message: 'is missing: add the translation' });
    }
  }
  for (const [k, text] of target) {
    if (alreadyReported(reported.source, k)) continue;
    const [base, cat] = pluralBase(k);
    const plural = sourceBases.get(base);
    if (plural === undefined || (plural && (!cat || !categories.has(cat))) || (!plural && cat)) {
      problems.add({ file: fileOf(k), path: keyOf(k), message: 'is not in the English texts: remove it or check its name' });
      continue;
    }
    const original = sourceTextFor(source, k);
    if (original !== undefined && vars(original) !== vars(text)) {
      problems.add({ file: fileOf(k), path: keyOf(k), message: `must use the same {{placeholders}} as English (${vars(original) || 'none'})` });
    }
    const english = new Set(original === undefined ? [] : specialForms(original));
    const foreign = specialForms(text).filter((f) => !english.has(f));
    if (foreign.length > 0) {
      problems.add({ file: fileOf(k), path: keyOf(k), message: `uses ${foreign.map((f) => `"${f}"`).join(', ')}, which English does not: write each placeholder as English does ({{name}})` });
    }
  }
}

function staleKeys(dir: string, lang: string, source: Map<string, string>, target: Map<string, string>, problems: ProblemList): Set<string> {
  const file = join(dir, lang, FRESHNESS_FILE);
  let recorded: Record<string, unknown> = {};
  if (existsSync(file)) {
    const parsed = readDataFile(file, problems);
    if (parsed && parsed.data && typeof parsed.data === 'object') recorded = parsed.data as Record<string, unknown>;
  }
  const stale = new Set<string>();
  for (const k of target.keys()) {
    const original = sourceTextFor(source, k);
    if (original !== undefined && recorded[k] !== fingerprint(original)) stale.add(k);
  }
  return stale;
}

/**
 * Reads locales/{lang}/*.json for every language and checks each against the source language.
 * `known` undefined: rules/languages.yaml could not tell the languages, so every folder is read as one.
 */
export function loadLocales(dir: string, known: string[] | undefined, sourceLang: string, problems: ProblemList): Locales {
  const folders = existsSync(dir) ? readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()) : [];
  const langs = known ?? folders;
  const reported: Record<string, Set<string>> = {};
  const resources: Resources = {};
  const flat: Record<string, Map<string, string>> = {};
  const stale: Record<string, Set<string>> = {};
  const avoid: Record<string, Map<string, string[]>> = {};
  const sourceDir = join(dir, sourceLang);
  const nsList = existsSync(sourceDir) ? namespaces(sourceDir) : [];
  for (const folder of existsSync(dir) ? readdirSync(dir) : []) {
    if (known && !langs.includes(folder)) {
      problems.add({ file: join(dir, folder), path: '', message: `language "${folder}" is not in rules/languages.yaml: add it there or remove the folder` });
    }
  }
  for (const lang of langs) {
    if (!existsSync(join(dir, lang))) {
      problems.add({ file: join(dir, lang), path: '', message: `the folder for language "${lang}" is missing` });
      continue;
    }
    for (const ns of namespaces(join(dir, lang))) {
      if (!nsList.includes(ns)) problems.add({ file: join(dir, lang, `${ns}.json`), path: '', message: `there is no locales/${sourceLang}/${ns}.json: remove this file or check its name` });
    }
    const { tree, flat: texts, avoid: variants, reported: refused } = readLanguage(dir, lang, nsList, problems);
    reported[lang] = refused;
    resources[lang] = tree;
    avoid[lang] = variants;
    flat[lang] = texts;
  }
  const source = flat[sourceLang] ?? new Map<string, string>();
  for (const lang of langs) {
    const target = flat[lang];
    // Without the source language's folder there is nothing to compare with: that folder has its own problem.
    if (lang === sourceLang || !target || !flat[sourceLang]) continue;
    compareKeys(lang, dir, source, target, { source: reported[sourceLang] ?? new Set(), target: reported[lang] ?? new Set() }, problems);
    stale[lang] = staleKeys(dir, lang, source, target, problems);
  }
  stale[sourceLang] = new Set();
  return { resources, flat, stale, avoid, reported };
}
