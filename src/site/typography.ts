import typografExports from 'typograf';

// typograf's ES build exports the class as its default; its type declarations describe the CommonJS build,
// whose exports hold the class under "default". Either way, this is the class.
type TypografClass = typeof typografExports.default;
const Typograf: TypografClass = (typeof typografExports === 'function' ? typografExports : typografExports.default) as TypografClass;
type Typograf = InstanceType<TypografClass>;

/**
 * Typography for every text the site writes, by the typograf library: non-breaking spaces after §
 * and №, before % and before a dash, after short prepositions, between a day and its month; the
 * language's own dashes and nested quotation marks. It runs once, when the texts are loaded
 * (see i18n.ts) and once per formatted date (format.ts), never per request. Quotes of originals
 * (rules/, shown in <blockquote>) never pass through it: they keep their words and characters.
 * The output is UTF-8 characters, never HTML entities, so Handlebars has nothing to escape twice.
 */

/** typograf's locale for each site language; a language without one is left as written. */
const LOCALE: Record<string, string> = { en: 'en-GB', ru: 'ru', de: 'de' };

const NBSP = '\u00A0';
const MONTHS: Record<string, string> = {
  de: 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember',
  'en-GB': 'January|February|March|April|May|June|July|August|September|October|November|December',
};

// The rules typograf has for Russian but not for German and English, in its own rule format; the
// locale prefix of a rule's name decides the languages it runs for.
Typograf.addRules([
  ...['ru', 'de'].map((locale) => ({
    // "37 %" as Intl.NumberFormat writes percentages in these languages, never broken before the sign
    name: `${locale}/nbsp/beforePercent`,
    handler: (text: string) => text.replace(/(\d)[ \u00A0]?%/g, `$1${NBSP}%`),
  })),
  ...['de', 'en-GB'].map((locale) => ({
    // "30. November", "30 November": a day never ends a line without its month
    name: `${locale}/nbsp/dayMonth`,
    handler: (text: string) => text.replace(new RegExp(`(\\d{1,2}\\.?) (${MONTHS[locale]})(?![a-zäöü])`, 'g'), `$1${NBSP}$2`),
  })),
  ...['de', 'en-GB'].map((locale) => ({
    // a dash between spaces is a dash (German and British style: en dash) and never starts a line
    name: `${locale}/dash/spaced`,
    index: '-5',
    handler: (text: string) => text.replace(/[ \u00A0](-|–|—)(?=[ \n])/g, `${NBSP}–`),
  })),
  {
    // "Nr. 5", "Art. 16a", "Abs. 1", "S. 3": the abbreviation stays with its number
    name: 'de/nbsp/abbrNumber',
    handler: (text: string) => text.replace(/(^|[^\p{L}])(Nr|Art|Abs|S)\. (?=\d)/gu, `$1$2.${NBSP}`),
  },
  {
    name: 'en-GB/nbsp/abbrNumber',
    handler: (text: string) => text.replace(/(^|[^\p{L}])(No|Art|p)\. (?=\d)/gu, `$1$2.${NBSP}`),
  },
  {
    // a spaced dash never starts a line, whatever other rules made of the space after it ("2024 г. —\u00A021")
    name: 'common/nbsp/beforeDash',
    queue: 'end',
    handler: (text: string) => text.replace(/ ([—–])(?=[ \u00A0\n])/g, `${NBSP}$1`),
  },
  ...['de', 'en-GB'].map((locale) => ({
    name: `${locale}/nbsp/afterNumberSign`,
    handler: (text: string) => text.replace(/№[ \u00A0]?(?=\d)/g, `№${NBSP}`),
  })),
]);

/**
 * Rules left out: they would change what a text says (phone numbers, ISO dates, "(c)", "436 Fällen" as degrees Fahrenheit, fractions,
 * "LGBTQ+-Menschen" as a plus-minus sign) or the house
 * style; a space before a bracket would split "получил(а)" and "Art. 16a(1)".
 */
const COMMON_OFF = ['common/symbols/copy', 'common/symbols/cf', 'common/number/fraction', 'common/space/beforeBracket', 'common/number/mathSigns'];
const OFF: Record<string, string[]> = {
  ru: [...COMMON_OFF, 'ru/other/phone-number', 'ru/date/fromISO', 'common/space/delBeforePercent'],
  de: [...COMMON_OFF, 'common/space/delBeforePercent', 'common/nbsp/afterShortWordByList'],
  // British dashes stay en dashes (en-GB/dash/main would make them em dashes); articles and prepositions may end a line
  'en-GB': [...COMMON_OFF, 'en-GB/dash/main', 'common/nbsp/afterShortWordByList'],
};

const typografs = new Map<string, Typograf>();

function typografFor(lang: string): Typograf | undefined {
  const locale = LOCALE[lang];
  if (!locale) return undefined;
  let tp = typografs.get(locale);
  if (!tp) {
    tp = new Typograf({ locale: [locale], htmlEntity: { type: 'default' }, disableRule: OFF[locale] ?? [] });
    // German and English bind only one-letter words ("a"); Russian binds its short prepositions and conjunctions
    if (locale !== 'ru') tp.setSetting('common/nbsp/afterShortWord', 'lengthShortWord', 1);
    // English quotation marks as the site writes them: “double” outside, ‘single’ inside
    if (locale === 'en-GB') tp.setSetting('common/punctuation/quote', 'en-GB', { left: '“‘', right: '”’' });
    typografs.set(locale, tp);
  }
  return tp;
}

/** One text set in the language's typography (i18next {{placeholders}} pass through unchanged). */
export function typeset(lang: string, text: string): string {
  const tp = typografFor(lang);
  return tp ? tp.execute(text) : text;
}

/** A copy of nested texts (a locale namespace) with every string set in the language's typography. */
export function typesetTree<T>(lang: string, value: T): T {
  if (typeof value === 'string') return typeset(lang, value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => typesetTree(lang, v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesetTree(lang, v)])) as T;
  }
  return value;
}
