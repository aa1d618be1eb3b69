import type { Position, Question, Source } from '../../content/schema.js';
import { PositionKind } from '../../content/schema.js';
import { questionPath, resolveAnswers, resolveOption, type Outcome } from '../model.js';
import type { Page } from '../page.js';
import type { Site } from '../site.js';
import { outcomeHelp } from '../help.js';
import { termLinks } from './glossary.js';
import { urls } from '../urls.js';
import type { PageEntry } from './index.js';
import { positionLink, positionView } from './views.js';

/**
 * "Check your situation": one page per question (with the answers so far in its address) and one
 * page per outcome. Everything is derived from site.content.questions, so any number of questions works.
 * Answers live only in the address: a submitted form is redirected to the next page's address.
 */

/** The hidden field that every question form sends: tells an empty submission from a first visit. */
export const ASKED_FIELD = 'asked';

/** Where a finder address points: a language and the (current) answers so far. */
interface Node {
  lang: string;
  answers: string[];
  /** The address used an old answer id (an alias) somewhere. */
  aliased: boolean;
}

/** The address of the page that follows these answers: the next question, or the outcome. */
function nodeUrl(site: Site, lang: string, answers: string[]): string {
  return questionPath(site.content.questions, answers).next ? urls.checkQuestion(lang, answers) : urls.checkOutcome(lang, answers);
}

/** The current option id for an answer, following aliases; undefined for an unknown answer. */
function resolve(q: Question, value: unknown): { id: string } | undefined {
  const id = typeof value === 'string' ? resolveOption(q, value) : undefined;
  return id ? { id } : undefined;
}

/** Reads a finder address (/{lang}/check/a/b...); undefined when it is not one or names an unknown answer. */
function parse(site: Site, path: string): Node | undefined {
  const m = /^\/([^/]+)\/check\/(.*)$/.exec(path);
  if (!m || !site.content.langCodes.includes(m[1] ?? '')) return undefined;
  const rest = (m[2] ?? '').replace(/\/$/, '');
  const resolved = resolveAnswers(site.content.questions, rest === '' ? [] : rest.split('/'));
  return resolved && { lang: m[1]!, ...resolved };
}

/** The answers given so far, each with the question page where it can be changed (earlier answers kept). */
function answerList(site: Site, lang: string, answers: string[]) {
  const { asked } = questionPath(site.content.questions, answers);
  return answers.map((answer, i) => ({ question: asked[i]!.id, answer, changeUrl: urls.checkQuestion(lang, answers.slice(0, i)) }));
}

/**
 * "Question 2 of 3": the total counts the questions still possible on this path; when a later
 * question depends on an answer not yet given, it says "of up to".
 */
function stepText(site: Site, lang: string, answers: string[]): string {
  const t = site.t[lang]!;
  const { questions } = site.content;
  const { asked } = questionPath(questions, answers);
  const given = Object.fromEntries(asked.map((q, i) => [q.id, answers[i] ?? '']));
  const later = questions.filter((q) => !asked.includes(q));
  // a later question is certain when each of its conditions is already answered and met, possible while one is open
  const status = (q: Question) => {
    const conditions = Object.entries(q.askIf ?? {});
    if (conditions.some(([id, options]) => id in given && !options.includes(given[id]!))) return 'no';
    return conditions.every(([id]) => id in given) ? 'yes' : 'maybe';
  };
  const certain = later.filter((q) => status(q) === 'yes').length;
  const possible = later.filter((q) => status(q) === 'maybe').length;
  const n = answers.length + 1;
  return possible > 0 ? t('ui:check.stepUpTo', { n, total: answers.length + certain + possible }) : t('ui:check.step', { n, total: answers.length + certain });
}

/** A question page; with `error`, the same page after an empty or unreadable submission. */
export function questionPage(site: Site, lang: string, answers: string[], error = false): Page {
  const t = site.t[lang]!;
  const q = questionPath(site.content.questions, answers).next;
  if (!q) throw new Error(`no question after ${answers.join('/')}`);
  const path = urls.checkQuestion(lang, answers);
  const step = stepText(site, lang, answers);
  // Neutral in tabs and previews: a question may name the reader's situation (the asylum procedure), the step does not.
  const title = `${t('ui:check.title')}: ${step}`;
  return {
    view: 'check-question',
    lang,
    path,
    title: error ? `${t('ui:check.errorTitle')}: ${title}` : title,
    description: t('ui:check.intro'),
    status: error ? 400 : undefined,
    noindex: error || undefined,
    private: answers.length > 0 || undefined,
    textKeys: ['finder:'],
    data: {
      question: q.id,
      step,
      first: answers.length === 0,
      error,
      action: path,
      asked: { name: ASKED_FIELD, value: q.id },
      firstInput: `${q.id}-${q.options[0]}`,
      options: q.options.map((o) => ({ id: o, inputId: `${q.id}-${o}`, url: nodeUrl(site, lang, [...answers, o]) })),
      answers: answerList(site, lang, answers),
    },
  };
}

const KIND_ORDER: readonly string[] = PositionKind.options;
const byKind = (a: Position, b: Position) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);

/** The sources of several positions, each once, in the order they first appear. */
function sourcesOf(site: Site, lang: string, positions: Position[]): Source[] {
  const seen = new Map<string, Source>();
  for (const p of positions) for (const s of positionView(site, lang, p).sources) seen.set(s.id, seen.get(s.id) ?? s);
  return [...seen.values()];
}

/**
 * An outcome's title for tabs, history and chat previews: the place only, and which of that place's
 * situations it is ("What applies: in Russia (2 of 6)"). The reader's role stays in the page body.
 */
export function outcomeTitle(site: Site, lang: string, outcome: Outcome): string {
  const first = outcome.asked[0]!;
  const samePlace = site.model.outcomes.filter((o) => o.asked[0]?.answer === first.answer);
  return site.t[lang]!('ui:check.outcomeTitle', {
    place: site.t[lang]!(`finder:${first.question.id}.options.${first.answer}.place`),
    n: samePlace.indexOf(outcome) + 1,
    total: samePlace.length,
  });
}

/** A situation named by its answers, e.g. "In Russia · Deserter" (each answer keeps its capital letter, so no "; "). */
export function answersLabel(site: Site, lang: string, asked: Outcome['asked']): string {
  return asked.map((a) => site.t[lang]!(`finder:${a.question.id}.options.${a.answer}.label`)).join(' · ');
}

/**
 * "In short": one line per answer and the day the newest status was checked. The line that matters most comes
 * first: that of a question asked only after certain answers (the stage of an asylum procedure: for a rejected
 * applicant, the deadline), as it is the most specific to the reader; then the others in the order asked.
 */
export function inShort(outcome: Outcome) {
  const shown = [...outcome.statements, ...outcome.afterwards];
  const followUps = outcome.asked.filter((a) => a.question.askIf);
  return {
    lines: [...followUps.reverse(), ...outcome.asked.filter((a) => !a.question.askIf)].map(({ question: q, answer }) => `finder:${q.id}.options.${answer}.short`),
    asOf: shown.map((p) => p.status.checkedOn).sort().at(-1),
  };
}

/** What an outcome shows, for its page and for the offline edition. */
export function outcomeData(site: Site, lang: string, outcome: Outcome) {
  const { sourceLang, locales } = site.content;
  const answers = outcome.asked.map((a) => a.answer);
  const statements = [...outcome.statements].sort(byKind);
  const sourceTexts = locales.flat[sourceLang];
  return {
    inShort: inShort(outcome),
    answers: answerList(site, lang, answers),
    situation: outcome.asked.map(({ question: q, answer }) => {
      // A question may have its own heading (ui:check.{id}Title); a new one falls back to its question.
      const heading = `ui:check.${q.id}Title`;
      return { id: q.id, answer, headingKey: sourceTexts?.has(heading) ? heading : `finder:${q.id}.question`, textKey: `finder:${q.id}.options.${answer}.outcome` };
    }),
    statements: statements.map((p) => positionLink(lang, p)),
    afterwards: outcome.afterwards.map((p) => positionLink(lang, p)),
    help: outcomeHelp(site, lang, answers),
    sources: sourcesOf(site, lang, [...statements, ...outcome.afterwards]),
    terms: termLinks(site, lang, [...outcome.terms, ...[...statements, ...outcome.afterwards].flatMap((p) => p.terms)]),
    sheetUrl: urls.sheet(lang, outcome.id),
    startUrl: urls.checkQuestion(lang),
  };
}

/** An outcome page: what applies for one combination of answers, with its sources and where to get help. */
export function outcomePage(site: Site, lang: string, outcome: Outcome): Page {
  return {
    view: 'check-outcome',
    lang,
    path: urls.checkOutcome(lang, outcome.asked.map((a) => a.answer)),
    title: outcomeTitle(site, lang, outcome),
    description: site.t[lang]!('ui:check.resultDescription'),
    private: true,
    textKeys: ['finder:', 'positions:', 'help:'],
    data: outcomeData(site, lang, outcome),
  };
}

/** Every finder page of a language: each question after each possible set of earlier answers, and each outcome. */
export function checkPages(site: Site, lang: string): PageEntry[] {
  const asked = site.model.questionNodes.map((answers) => ({ path: urls.checkQuestion(lang, answers), build: () => questionPage(site, lang, answers) }));
  const outcomes = site.model.outcomes.map((o) => ({ path: urls.checkOutcome(lang, o.asked.map((a) => a.answer)), build: () => outcomePage(site, lang, o) }));
  return [...asked, ...outcomes];
}

export type Submission = { redirect: string; status?: 301 | 303 } | { page: Page } | undefined;

/**
 * A request to a finder address, before the page table is asked:
 * - an old answer id (alias) anywhere in the address → 301 to the current address;
 * - a question page with a valid answer in the query → 303 to the next page (the query is dropped);
 * - a question page submitted without a (valid) answer → the same question with an error, status 400;
 * - anything else → undefined (the page table or the 404 page answers).
 * Query values that are not single strings (repeated or bracketed parameters) count as no answer.
 */
export function checkSubmission(site: Site, path: string, query: Record<string, unknown>): Submission {
  const node = parse(site, path);
  if (!node) return undefined;
  const { lang, answers } = node;
  if (node.aliased) return { redirect: nodeUrl(site, lang, answers), status: 301 };
  const q = questionPath(site.content.questions, answers).next;
  if (!q || !path.endsWith('/')) return undefined;
  const answer = resolve(q, query[q.id]);
  if (answer) return { redirect: nodeUrl(site, lang, [...answers, answer.id]), status: 303 };
  if (query[ASKED_FIELD] !== undefined) return { page: questionPage(site, lang, answers, true) };
  return undefined;
}
