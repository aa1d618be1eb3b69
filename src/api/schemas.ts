import { z } from 'zod';
import { ChangeKind, IsoDate, LanguageCode, PositionKind, ReviewStatus, SourceKind, StatusKind } from '../content/schema.js';

/**
 * The shapes of every response of the JSON API (/api/v1/). Each response is checked against its
 * schema when the server starts, so a response that does not match them is never sent. Objects
 * are strict: a field added here must be documented in README.md as well.
 */

export const API_VERSION = 1 as const;

/** A date as written in the content: YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known. */
const PartialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
const Url = z.url({ protocol: /^https?$/ });
const Text = z.string().min(1);
const Ids = z.array(z.string().min(1));

export const ApiError = z.strictObject({
  error: z.strictObject({ status: z.number().int().min(400).max(599), message: Text }),
});

/** Links to the documents of one language. */
const LanguageLinks = z.strictObject({ positions: Url, help: Url, glossary: Url, timeline: Url, changes: Url, outcomes: Url });

export const ApiIndex = z.strictObject({
  version: z.literal(API_VERSION),
  /** The language that every translation is made from, and the default of ?lang=. */
  sourceLanguage: LanguageCode,
  languages: z.array(
    z.strictObject({
      code: LanguageCode,
      name: Text,
      review: z.strictObject({ status: ReviewStatus, on: IsoDate.optional() }),
      links: LanguageLinks,
    }),
  ),
  /** The day an editor last reviewed any position. */
  lastReviewed: IsoDate,
  links: LanguageLinks.extend({ self: Url, sources: Url }),
});

export const ApiPosition = z.strictObject({
  id: Text,
  kind: PositionKind,
  saidBy: z.array(z.strictObject({ id: Text, name: Text, role: Text })),
  /** When it was said or happened; null for legal background without a date. */
  saidOn: PartialDate.nullable(),
  /** The last day, when it was said over several days; otherwise null. */
  saidUntil: IsoDate.nullable(),
  /** Where it stands today: its kind, the day this was last checked, and the entries that changed it. */
  status: z.strictObject({ kind: StatusKind, checkedOn: IsoDate, changedBy: Ids }),
  /** The id of the news report that carried it (see /api/v1/sources), or null. */
  reportedIn: Text.nullable(),
  checkedOn: IsoDate,
  reviewedOn: IsoDate,
  reportDiffers: z.boolean(),
  caveats: z.array(z.strictObject({ id: Text, text: Text })),
  appliesTo: Ids,
  related: Ids,
  afterwards: Ids,
  /** The glossary terms its texts use (see /api/v1/glossary). */
  terms: Ids,
  sources: z.array(z.strictObject({ id: Text, quote: Text.optional() })),
  url: Url,
  sheetUrl: Url,
  apiUrl: Url,
  text: z.strictObject({
    title: Text,
    summary: Text,
    /** Where it stands today, in plain words (see status). */
    now: Text,
    said: Text,
    means: Text,
    doesNotMean: Text,
    nextSteps: Text,
    afterwards: Text.optional(),
    reportSaid: Text.optional(),
    primarySays: Text.optional(),
    /** Translations of the verbatim quotes, by source id. */
    quotes: z.record(z.string(), Text).optional(),
  }),
});

export const ApiPositions = z.strictObject({ lang: LanguageCode, positions: z.array(ApiPosition) });
export const ApiPositionDocument = z.strictObject({ lang: LanguageCode, position: ApiPosition });

export const ApiSource = z.strictObject({
  id: Text,
  kind: SourceKind,
  /** The publisher's name. */
  publisher: Text,
  /** The line readers see, per language, where it has words about the publisher ("republished by…"); otherwise null. */
  publisherNote: z.record(LanguageCode, Text).nullable(),
  /** The headline as published; null where it was not visible. */
  title: Text.nullable(),
  lang: LanguageCode,
  /** null where the page shows no date. */
  published: PartialDate.nullable(),
  url: Url,
  checked: IsoDate,
  /** The ids of the positions that cite it. */
  usedBy: Ids,
});
export const ApiSources = z.strictObject({ sources: z.array(ApiSource) });

const Checked = { source: Text, checked: IsoDate };
export const ApiHelpOrg = z.strictObject({
  id: Text,
  name: Text,
  latin: Text,
  /** What it does, and (for an "undesirable" or "extremist" organisation) the warning, in this language. */
  what: Text,
  warning: Text.nullable(),
  website: z.strictObject({ url: Url, ...Checked }),
  contacts: z.array(z.strictObject({ kind: Text, value: Text.nullable(), international: Text.nullable(), ...Checked })),
  /** Empty where no source says which languages it answers in. */
  answersIn: z.strictObject({ languages: z.array(LanguageCode), ...Checked }),
  helpsWith: Ids,
  forWhom: Ids,
  status: z.strictObject({
    kind: z.enum(['none-found', 'foreign-agent', 'undesirable', 'extremist']),
    since: IsoDate.nullable(),
    ...Checked,
    /** A later source that reports the listing as still in force, and its date. */
    stillListed: z.strictObject({ source: Text, on: PartialDate }).nullable(),
  }),
  /** Its entry in the directory. */
  url: Url,
});
export const ApiHelp = z.strictObject({
  lang: LanguageCode,
  help: z.array(ApiHelpOrg),
  /** The sources named by the facts above. */
  sources: z.array(z.strictObject({ id: Text, publisher: Text, title: Text.nullable(), url: Url, published: PartialDate.nullable(), checked: IsoDate })),
  safety: z.array(z.strictObject({ id: Text, text: Text, sources: Ids })),
  /** They decide, they do not counsel. */
  authorities: z.array(z.strictObject({ id: Text, name: Text, url: Url, what: Text, ...Checked })),
});

export const ApiOutcome = z.strictObject({
  id: Text,
  /** Question id → answer (option) id. */
  answers: z.record(z.string(), Text),
  /** The positions that concern this situation (statements made at the time). */
  positions: Ids,
  /** Later developments that concern this situation. */
  afterwards: Ids,
  url: Url,
  sheetUrl: Url,
  apiUrl: Url,
  /** Question id → the question, the chosen answer and what it means for the reader. */
  text: z.record(z.string(), z.strictObject({ question: Text, answer: Text, outcome: Text })),
});

export const ApiOutcomes = z.strictObject({
  lang: LanguageCode,
  questions: z.array(
    z.strictObject({
      id: Text,
      /** Asked only after an earlier question (id) was answered with one of these options; null: always asked. */
      askIf: z.record(z.string(), z.array(Text)).nullable(),
      text: Text,
      options: z.array(z.strictObject({ id: Text, label: Text })),
    }),
  ),
  outcomes: z.array(ApiOutcome),
});
export const ApiOutcomeDocument = z.strictObject({ lang: LanguageCode, outcome: ApiOutcome });

export type ApiIndex = z.infer<typeof ApiIndex>;
export type ApiPosition = z.infer<typeof ApiPosition>;
export type ApiSource = z.infer<typeof ApiSource>;
export type ApiOutcome = z.infer<typeof ApiOutcome>;
export type ApiError = z.infer<typeof ApiError>;

/** The words the site explains, in one language, in glossary order. */
export const ApiGlossary = z.strictObject({
  lang: LanguageCode,
  terms: z.array(
    z.strictObject({
      id: Text,
      term: Text,
      /** One sentence, as printed on the information sheets. */
      short: Text,
      explain: Text,
      /** Where an explanation states the law: source ids (see /api/v1/sources). */
      sources: Ids,
      url: Url,
    }),
  ),
});

/** Every position in date order (legal background without a date last), and the official figures. */
export const ApiTimeline = z.strictObject({
  lang: LanguageCode,
  entries: z.array(
    z.strictObject({
      id: Text,
      kind: PositionKind,
      saidOn: PartialDate.nullable(),
      saidUntil: IsoDate.nullable(),
      status: StatusKind,
      title: Text,
      url: Url,
      apiUrl: Url,
    }),
  ),
  charts: z.array(
    z.strictObject({
      id: Text,
      /** The position that discusses these figures. */
      position: Text,
      unit: z.enum(['count', 'percent']),
      asOf: PartialDate,
      source: Text,
      title: Text,
      note: Text,
      bars: z.array(z.strictObject({ id: Text, value: z.number(), label: Text, source: Text.nullable(), asOf: PartialDate.nullable() })),
    }),
  ),
});

/** Every change readers of a language see, newest first. */
export const ApiChanges = z.strictObject({
  lang: LanguageCode,
  feed: Url,
  changes: z.array(
    z.strictObject({
      id: Text,
      on: IsoDate,
      kind: ChangeKind,
      position: Text,
      text: Text,
      url: Url,
      /** Languages whose texts changed; null when all did. */
      languages: z.array(LanguageCode).nullable(),
    }),
  ),
});
