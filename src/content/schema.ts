import { z } from 'zod';

/** A URL-safe id: lower-case letters, digits and single hyphens. Used in addresses. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, like "my-id-2"');

/** A calendar date written YYYY-MM-DD. Whether it is real and not in the future is checked later. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** A date known to the day (YYYY-MM-DD), or only to the month (YYYY-MM) or year (YYYY). */
export const PartialDate = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY, when only that much is known)'),
);

export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be a two- or three-letter language code like "ru"');

export const HttpsUrl = z.url({ protocol: /^https$/, error: 'must be a full https:// address' });

export const SourceKind = z.enum([
  'news-report',
  'primary-statement',
  'law',
  'court-ruling',
  'ngo',
  'official-statistics',
]);
export type SourceKind = z.infer<typeof SourceKind>;

export const Source = z.strictObject({
  id: Id,
  kind: SourceKind,
  /** The publisher's name only; any words about it (such as "republished by") belong in the locales. */
  publisher: z.string().min(1),
  /** True when readers see a publisher line with words, written in locales/{lang}/sources.json as "{id}.publisher". */
  publisherNote: z.boolean().default(false),
  /** The headline as published; left out where it was not visible. */
  title: z.string().min(1).optional(),
  lang: LanguageCode,
  /** Left out where the page shows no date. */
  published: PartialDate.optional(),
  url: HttpsUrl,
  checked: IsoDate,
});
export type Source = z.infer<typeof Source>;
export const SourcesFile = z.strictObject({ sources: z.array(Source).min(1) });

export const PositionKind = z.enum([
  'ministry-statement',
  'political-statement',
  'official-figure',
  'ngo-demand',
  'ngo-proposal',
  'journalistic-assessment',
  'legal-background',
  'later-development',
  'context',
]);
export type PositionKind = z.infer<typeof PositionKind>;

/** Where a position stands today, in one word; the plain-language explanation is the locale text "now". */
export const StatusKind = z.enum([
  /** The law or practice it describes still applies, as far as we know. */
  'in-force',
  /** A statement of its time; later practice was stricter. */
  'practice-stricter',
  /** What it describes was suspended or restricted. */
  'suspended',
  /** Replaced by newer law or newer figures. */
  'superseded',
  /** A demand or proposal that was not adopted. */
  'not-adopted',
  /** Describes a situation in the past; out of date. */
  'history',
  /** Known for a past date; whether it still applies today we could not confirm. */
  'unconfirmed',
]);
export type StatusKind = z.infer<typeof StatusKind>;

export const Status = z.strictObject({
  kind: StatusKind,
  /** The day an editor last checked where this position stands. */
  checkedOn: IsoDate,
  /** The entries that changed where it stands (usually later developments). */
  changedBy: z.array(Id).default([]),
  /**
   * Why the status has not been checked again although checkedOn is more than six months old (one plain
   * sentence for editors, not shown to readers). Without it, `npm run check` refuses such a status.
   */
  notRecheckedBecause: z.string().trim().min(10, 'say in a sentence why it was not checked again').max(300).optional(),
});
export type Status = z.infer<typeof Status>;

export const SourceRef = z.strictObject({
  source: Id,
  /** A short verbatim quote in the source's own language, if one exists. */
  quote: z.string().min(1).max(400).optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** What kind of change a position had; a correction is always called a correction. */
export const ChangeKind = z.enum(['added', 'updated', 'correction']);
export type ChangeKind = z.infer<typeof ChangeKind>;

/** One dated change of a position; its sentence is locales/{lang}/changes.json "{note}". */
export const Change = z.strictObject({
  on: IsoDate,
  kind: ChangeKind,
  /** The id of the sentence that says what changed; required unless kind is "added". */
  note: Id.optional(),
  /** Only these languages' texts changed (say, a corrected translation); left out: every language. */
  languages: z.array(LanguageCode).min(1).optional(),
});
export type Change = z.infer<typeof Change>;

export const Position = z.strictObject({
  id: Id,
  /** Old ids of this position; their addresses redirect here. */
  aliases: z.array(Id).default([]),
  kind: PositionKind,
  saidBy: z.array(Id).min(1),
  /** When it was said or happened; may be left out only for legal background. */
  saidOn: PartialDate.optional(),
  /** The last day, when it was said over several days (by several speakers, say). */
  saidUntil: IsoDate.optional(),
  /** The news report that carried it, if any (a source id). */
  reportedIn: Id.optional(),
  /** When the report's version was checked against the primary source. */
  checkedOn: IsoDate,
  /** When an editor last reviewed this entry. */
  reviewedOn: IsoDate,
  sources: z.array(SourceRef).min(1, 'every position needs at least one source'),
  /** True when the report's wording differs from the primary source: then the texts reportSaid and primarySays are required. */
  reportDiffers: z.boolean().default(false),
  caveats: z.array(Id).default([]),
  appliesTo: z.array(Id).default([]),
  related: z.array(Id).default([]),
  afterwards: z.array(Id).default([]),
  /** Where it stands today. Required: no position is shown without it. */
  status: Status,
  /** Its dated record of changes, from when it was added; shown on its page, /updates and the feed. */
  changes: z.array(Change).min(1, 'every position needs at least the day it was added: - { on: YYYY-MM-DD, kind: added }'),
  /** The glossary terms its texts use (ids from rules/glossary.yaml); pages link them to their explanations. */
  terms: z.array(Id).default([]),
});
export type Position = z.infer<typeof Position>;

export const Actor = z.strictObject({ id: Id, type: z.enum(['government', 'authority', 'ngo', 'media', 'law']) });
export const ActorsFile = z.strictObject({ actors: z.array(Actor).min(1) });
export type Actor = z.infer<typeof Actor>;

/** Where a fact about an organisation was read: a source in rules/help.yaml and the day it was read. */
const Sourced = { source: Id, checked: IsoDate };

export const ContactKind = z.enum(['phone', 'email', 'telegram-channel', 'telegram-bot', 'telegram-line', 'telegram-chats', 'instagram-bot', 'hotline', 'signal', 'web-form']);
export type ContactKind = z.infer<typeof ContactKind>;

export const HelpContact = z.strictObject({
  kind: ContactKind,
  /** The number, address or handle exactly as the source prints it; left out where the source names the channel only. */
  value: z.string().min(1).optional(),
  /** A phone number as dialled from abroad, where `value` is written for calls within the country. */
  international: z.string().regex(/^\+[0-9 ]+$/, 'must be a number like "+49 30 123 456"').optional(),
  ...Sourced,
});
export type HelpContact = z.infer<typeof HelpContact>;

export const RussiaStatusKind = z.enum(['none-found', 'foreign-agent', 'undesirable', 'extremist']);
export type RussiaStatusKind = z.infer<typeof RussiaStatusKind>;
/** Statuses that make contact itself risky for readers in Russia: an organisation with one needs its warning. */
export const DANGEROUS_STATUSES: readonly RussiaStatusKind[] = ['undesirable', 'extremist'];

export const HelpTopic = z.enum(['leaving-russia', 'refusing-deserting', 'humanitarian-visa', 'asylum-germany', 'dublin', 'lgbtq', 'legal-help', 'shelter', 'crisis-line']);

export const HelpOrg = z.strictObject({
  id: Id,
  /** The name as the organisation writes it, and in Latin letters. */
  name: z.string().min(1),
  latin: z.string().min(1),
  website: z.strictObject({ url: HttpsUrl, ...Sourced }),
  contacts: z.array(HelpContact),
  /** The languages it answers in (not its website's languages); empty where no source says (readers see "not confirmed"). */
  answersIn: z.strictObject({ languages: z.array(LanguageCode), ...Sourced }),
  helpsWith: z.array(HelpTopic).min(1),
  /** The finder's place answers (question "where") it helps. */
  forWhom: z.array(Id).min(1),
  /** How the Russian state lists it, since when (where listed), as read in the source. */
  status: z.strictObject({
    kind: RussiaStatusKind,
    since: IsoDate.optional(),
    ...Sourced,
    /** A later source that reports the listing as still in force. */
    stillListed: z.strictObject({ source: Id, on: PartialDate }).optional(),
  }),
});
export type HelpOrg = z.infer<typeof HelpOrg>;

export const HelpSource = z.strictObject({
  id: Id,
  publisher: z.string().min(1),
  title: z.string().min(1).optional(),
  url: HttpsUrl,
  published: PartialDate.optional(),
  checked: IsoDate,
});
export type HelpSource = z.infer<typeof HelpSource>;

export const SafetyNote = z.strictObject({ id: Id, sources: z.array(Id).min(1) });
export type SafetyNote = z.infer<typeof SafetyNote>;

/** An authority: it decides, it does not counsel. */
export const Authority = z.strictObject({ id: Id, name: z.string().min(1), url: HttpsUrl, ...Sourced });
export type Authority = z.infer<typeof Authority>;

export const HelpFile = z.strictObject({
  sources: z.array(HelpSource).min(1),
  organisations: z.array(HelpOrg).min(1),
  safety: z.array(SafetyNote).default([]),
  authorities: z.array(Authority).default([]),
  /** Which topics fit a finder answer: an outcome names first the organisations that help with them. */
  fits: z.record(Id, z.array(HelpTopic).min(1)).default({}),
});
export type HelpFile = z.infer<typeof HelpFile>;

export const CaveatsFile = z.strictObject({ caveats: z.array(Id).min(1) });

export const Question = z.strictObject({
  id: Id,
  options: z.array(Id).min(2),
  /** Old option ids that now mean one of the options: old → new. */
  aliases: z.record(Id, Id).default({}),
  /** Asked only after an earlier question was answered with one of these options: { question: [options] }. */
  askIf: z.record(Id, z.array(Id).min(1)).optional(),
  /** The glossary terms an answer's texts use: { option: [term ids] }; a situation's sheet explains these. */
  terms: z.record(Id, z.array(Id)).default({}),
});
export type Question = z.infer<typeof Question>;
export const FinderFile = z.strictObject({ questions: z.array(Question).min(1).max(3) });

export const ReviewStatus = z.enum(['original', 'unreviewed', 'reviewed']);
export const Language = z.strictObject({
  code: LanguageCode,
  /** The language's name in itself, for the language switcher. */
  name: z.string().min(1),
  review: z.strictObject({ status: ReviewStatus, on: IsoDate.optional() }),
});
export type Language = z.infer<typeof Language>;
export const LanguagesFile = z.strictObject({
  /** The language every translation is made from. */
  source: LanguageCode,
  languages: z.array(Language).min(1),
});

/** A word the site explains; its wording, explanation and variants to avoid are in locales/{lang}/glossary.json. */
export const GlossaryTerm = z.strictObject({
  id: Id,
  /** Where an explanation states the law: the sources it rests on. */
  sources: z.array(Id).default([]),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;
export const GlossaryFile = z.strictObject({ terms: z.array(GlossaryTerm).min(1) });

/** One bar of a chart: a figure, with its own source and date where the chart compares sources. */
export const Bar = z.strictObject({
  id: Id,
  value: z.number().nonnegative(),
  source: Id.optional(),
  asOf: PartialDate.optional(),
});
export type Bar = z.infer<typeof Bar>;

/** Official figures drawn as a bar chart, on the page of the position that discusses them. */
export const Chart = z.strictObject({
  id: Id,
  position: Id,
  unit: z.enum(['count', 'percent']),
  source: Id,
  /** The day, month or year the figures refer to. */
  asOf: PartialDate,
  bars: z.array(Bar).min(2),
});
export type Chart = z.infer<typeof Chart>;
export const FiguresFile = z.strictObject({ charts: z.array(Chart).default([]) });
