import { todayIso } from '../content/dates.js';
import type { Content } from '../content/load.js';
import { PositionKind, type Change, type Chart, type Position, type Question, type Source } from '../content/schema.js';

/** One finder outcome: an answer to every question that was asked. */
export interface Outcome {
  /** Used in sheet addresses: the answers joined with "--". */
  id: string;
  /** Question id → answer, for the questions asked. */
  answers: Record<string, string>;
  /** The questions asked on the way to this outcome, in order, each with its answer. */
  asked: { question: Question; answer: string }[];
  /** The path below /{lang}/check/, e.g. "in-russia/deserter". */
  path: string;
  statements: Position[];
  afterwards: Position[];
  /** The glossary terms of the answers given (rules/finder.yaml "terms"). */
  terms: string[];
}

/** One change of one position, as listed on /updates and in the feed. */
export interface ChangeEntry extends Change {
  position: Position;
  /** Unique on the site and stable: the position, the day and the kind (and note). */
  anchor: string;
}

/** Everything derived from the content, computed once at start. */
export interface Model {
  positionById: Map<string, Position>;
  /** Old position id → current id. */
  positionAlias: Map<string, string>;
  sourceById: Map<string, Source>;
  byKind: { kind: PositionKind; positions: Position[] }[];
  sourceUsedBy: Map<string, Position[]>;
  lastReviewed: string;
  outcomes: Outcome[];
  outcomeByPath: Map<string, Outcome>;
  outcomeById: Map<string, Outcome>;
  /** The answers of every question page (the answers given before it), in the order a reader meets them. */
  questionNodes: string[][];
  /** The day the model was built (YYYY-MM-DD): pages compare status dates with it. */
  today: string;
  /** Every position in date order (said or happened); legal background without a date last. */
  timeline: Position[];
  /** Every change of every position, newest first. */
  changes: ChangeEntry[];
  chartsByPosition: Map<string, Chart[]>;
}

/** The anchor of a change: the same on the position page (without the position) and on /updates. */
export function changeAnchor(c: Change): string {
  return `${c.on}-${c.kind}${c.note ? `-${c.note}` : ''}`;
}

/** Whether readers of a language see a change (a corrected translation is news only in its language). */
export function changeShownIn(c: Change, lang: string): boolean {
  return !c.languages || c.languages.includes(lang);
}

function applies(p: Position, content: Content, answers: Record<string, string>): boolean {
  return content.questions.every((q) => {
    const named = p.appliesTo.filter((s) => q.options.includes(s));
    return named.length === 0 || named.includes(answers[q.id] ?? '');
  });
}

/** Whether a question is asked after these answers (question id → answer): its askIf must be met. */
function isAsked(q: Question, given: Record<string, string>): boolean {
  return Object.entries(q.askIf ?? {}).every(([earlier, options]) => options.includes(given[earlier] ?? ''));
}

/**
 * The questions that these answers (in the order given) answered, and the question asked next;
 * `next` is undefined when the answers lead to an outcome. Questions whose askIf is not met are skipped.
 */
export function questionPath(questions: Question[], answers: string[]): { asked: Question[]; next?: Question } {
  const given: Record<string, string> = {};
  const asked: Question[] = [];
  for (const q of questions) {
    if (!isAsked(q, given)) continue;
    if (asked.length === answers.length) return { asked, next: q };
    asked.push(q);
    given[q.id] = answers[asked.length - 1] ?? '';
  }
  return { asked };
}

/** Every path through the finder: the question nodes (answers before each question) and the complete answer lists. */
function walk(questions: Question[]): { nodes: string[][]; outcomes: string[][] } {
  const nodes: string[][] = [];
  const outcomes: string[][] = [];
  const visit = (answers: string[]) => {
    const { next } = questionPath(questions, answers);
    if (!next) return void outcomes.push(answers);
    nodes.push(answers);
    for (const o of next.options) visit([...answers, o]);
  };
  visit([]);
  return { nodes, outcomes };
}

/** The current option id for an answer to one question, following its aliases; undefined for an unknown answer. */
export function resolveOption(q: Question, answer: string): string | undefined {
  return q.options.includes(answer) ? answer : Object.hasOwn(q.aliases, answer) ? q.aliases[answer] : undefined;
}

/**
 * Reads answers from an address (one segment per question asked, in order), following each question's
 * aliases: the current answer ids and whether an old id was used; undefined for an unknown answer.
 */
export function resolveAnswers(questions: Question[], segments: string[]): { answers: string[]; aliased: boolean } | undefined {
  const answers: string[] = [];
  let aliased = false;
  for (const segment of segments) {
    const q = questionPath(questions, answers).next;
    const current = q && resolveOption(q, segment);
    if (!current) return undefined;
    answers.push(current);
    aliased ||= current !== segment;
  }
  return { answers, aliased };
}

export function buildModel(content: Content, today: string = todayIso()): Model {
  const positionById = new Map(content.positions.map((p) => [p.id, p]));
  const positionAlias = new Map(content.positions.flatMap((p) => p.aliases.map((a) => [a, p.id] as const)));
  const sourceById = new Map(content.sources.map((s) => [s.id, s]));
  const byKind = PositionKind.options
    .map((kind) => ({ kind, positions: content.positions.filter((p) => p.kind === kind) }))
    .filter((g) => g.positions.length > 0);
  const sourceUsedBy = new Map<string, Position[]>();
  for (const p of content.positions) {
    const ids = new Set([...p.sources.map((s) => s.source), ...(p.reportedIn ? [p.reportedIn] : [])]);
    for (const id of ids) sourceUsedBy.set(id, [...(sourceUsedBy.get(id) ?? []), p]);
  }
  const paths = walk(content.questions);
  const outcomes = paths.outcomes.map((values) => {
    const asked = questionPath(content.questions, values).asked.map((question, i) => ({ question, answer: values[i] ?? '' }));
    const answers = Object.fromEntries(asked.map((a) => [a.question.id, a.answer]));
    const matching = content.positions.filter((p) => applies(p, content, answers));
    return {
      id: values.join('--'),
      answers,
      asked,
      path: values.join('/'),
      terms: asked.flatMap(({ question, answer }) => question.terms[answer] ?? []),
      statements: matching.filter((p) => p.kind !== 'later-development'),
      afterwards: matching.filter((p) => p.kind === 'later-development'),
    };
  });
  return {
    positionById,
    positionAlias,
    sourceById,
    byKind,
    sourceUsedBy,
    lastReviewed: content.positions.map((p) => p.reviewedOn).sort().at(-1) ?? '',
    outcomes,
    outcomeByPath: new Map(outcomes.map((o) => [o.path, o])),
    outcomeById: new Map(outcomes.map((o) => [o.id, o])),
    questionNodes: paths.nodes,
    today,
    timeline: content.positions
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.saidOn && b.p.saidOn ? a.p.saidOn.localeCompare(b.p.saidOn) : a.p.saidOn ? -1 : b.p.saidOn ? 1 : 0) || a.i - b.i)
      .map(({ p }) => p),
    changes: content.positions
      .flatMap((p) => p.changes.map((c) => ({ ...c, position: p, anchor: `change-${p.id}-${changeAnchor(c)}` })))
      .sort((a, b) => b.on.localeCompare(a.on)),
    chartsByPosition: new Map(content.positions.map((p) => [p.id, content.charts.filter((c) => c.position === p.id)])),
  };
}
