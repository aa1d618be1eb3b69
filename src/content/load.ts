import { join } from 'node:path';
import { DEFAULT_DIRS, type ContentDirs } from '../paths.js';
import { crossCheck } from './crossCheck.js';
import { checkHelp, checkHelpWarnings, helpStatusWarnings } from './helpCheck.js';
import { todayIso } from './dates.js';
import { loadLocales, type Locales } from './locales.js';
import { ContentError, ProblemList, type Problem } from './problems.js';
import { checkSourceTexts } from './requiredKeys.js';
import { readRules } from './rules.js';
import { statusWarnings } from './statusAge.js';
import { termWarnings } from './terminology.js';
import type * as S from './schema.js';

/** All content, read and checked once; nothing here changes while the server runs. */
export interface Content {
  sourceLang: string;
  languages: S.Language[];
  langCodes: string[];
  sources: S.Source[];
  positions: S.Position[];
  actors: S.Actor[];
  help: S.HelpFile;
  questions: S.Question[];
  glossary: S.GlossaryTerm[];
  charts: S.Chart[];
  locales: Locales;
}

export interface LoadResult {
  content?: Content;
  problems: Problem[];
  /** Not errors: translations older than their English text, as "lang ns:key". */
  warnings: string[];
  /**
   * Positions whose status was checked more than six months ago, organisations whose status in Russia more than three (never `overdue`). Not errors for the server; `npm run check`
   * refuses those marked `overdue` (no status.notRecheckedBecause).
   */
  statusWarnings: (Problem & { overdue: boolean })[];
  /** Not errors: texts that use a variant their language's glossary says to avoid. */
  termWarnings: Problem[];
}

export function loadContent(dirs: ContentDirs = DEFAULT_DIRS, today: string = todayIso()): LoadResult {
  const problems = new ProblemList();
  const r = readRules(dirs.rules, problems);
  crossCheck(r, today, problems);
  checkHelp(r, today, problems);
  const langCodes = r.languages.map((l) => l.code);
  // Where rules/languages.yaml has a problem, the codes it declares still say which folders to check.
  const locales = loadLocales(dirs.locales, r.known.languages && [...r.known.languages], r.sourceLang, problems);
  const sourceTexts = locales.flat[r.sourceLang];
  // Without the source language's texts (its folder is missing), every required text would be reported once more.
  if (sourceTexts) {
    checkSourceTexts(r, dirs.locales, sourceTexts, locales.reported[r.sourceLang], problems);
    checkHelpWarnings(r, sourceTexts, join(dirs.locales, r.sourceLang, 'help.json'), problems);
  }
  const warnings = Object.entries(locales.stale).flatMap(([lang, keys]) => [...keys].sort().map((k) => `${lang} ${k}`));
  const statuses = r.incomplete
    ? []
    : [
        ...statusWarnings(r, today).map((p) => ({ ...problems.locate(p), overdue: p.overdue })),
        ...helpStatusWarnings(r, today).map((p) => ({ ...problems.locate(p), overdue: false })),
      ];
  const terms = termWarnings(dirs.locales, locales, r.sourceLangs).map((p) => problems.locate(p));
  problems.resolveLines();
  if (problems.size > 0) return { problems: problems.items, warnings, statusWarnings: statuses, termWarnings: terms };
  return {
    problems: [],
    warnings,
    statusWarnings: statuses,
    termWarnings: terms,
    content: {
      sourceLang: r.sourceLang,
      languages: r.languages,
      langCodes,
      sources: r.sources,
      positions: r.positions.map((p) => p.position),
      actors: r.actors,
      help: r.help,
      questions: r.questions,
      glossary: r.glossary,
      charts: r.charts,
      locales,
    },
  };
}

/** Loads the content or throws a ContentError that lists every problem. */
export function loadContentOrThrow(dirs?: ContentDirs, today?: string): Content {
  const result = loadContent(dirs, today);
  if (!result.content) throw new ContentError(result.problems);
  return result.content;
}
