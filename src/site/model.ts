import type { Content } from '../content/load.js';
import { PositionKind, type Position, type Question, type Source } from '../content/schema.js';

/** One finder outcome: an answer to every question. */
export interface Outcome {
  /** Used in sheet addresses: the answers joined with "--". */
  id: string;
  answers: Record<string, string>;
  /** The path below /{lang}/check/, e.g. "in-russia/deserter". */
  path: string;
  statements: Position[];
  afterwards: Position[];
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
}

function applies(p: Position, content: Content, answers: Record<string, string>): boolean {
  return content.questions.every((q) => {
    const named = p.appliesTo.filter((s) => q.options.includes(s));
    return named.length === 0 || named.includes(answers[q.id] ?? '');
  });
}

function combinations(content: Content): Record<string, string>[] {
  return content.questions.reduce<Record<string, string>[]>(
    (acc, q) => acc.flatMap((a) => q.options.map((o) => ({ ...a, [q.id]: o }))),
    [{}],
  );
}

/**
 * Reads answers from an address (one segment per question, in order), following each question's
 * aliases: the current answer ids and whether an old id was used; undefined for an unknown answer.
 */
export function resolveAnswers(questions: Question[], segments: string[]): { answers: string[]; aliased: boolean } | undefined {
  if (segments.length > questions.length) return undefined;
  const answers: string[] = [];
  let aliased = false;
  for (const [i, segment] of segments.entries()) {
    const q = questions[i]!;
    const current = q.options.includes(segment) ? segment : Object.hasOwn(q.aliases, segment) ? q.aliases[segment] : undefined;
    if (!current) return undefined;
    answers.push(current);
    aliased ||= current !== segment;
  }
  return { answers, aliased };
}

export function buildModel(content: Content): Model {
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
  const outcomes = combinations(content).map((answers) => {
    const values = content.questions.map((q) => answers[q.id] ?? '');
    const matching = content.positions.filter((p) => applies(p, content, answers));
    return {
      id: values.join('--'),
      answers,
      path: values.join('/'),
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
  };
}
