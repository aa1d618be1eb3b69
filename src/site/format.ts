import { typeset } from './typography.js';

/** Regional formats for dates: English dates are written day-month-year, as in Europe. */
const DATE_LOCALE: Record<string, string> = { en: 'en-GB' };

const PRECISION: Intl.DateTimeFormatOptions[] = [
  { year: 'numeric', timeZone: 'UTC' },
  { month: 'long', year: 'numeric', timeZone: 'UTC' },
  { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
];

/** Formatters are costly to create: one per language and precision, made on first use. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(lang: string, precision: number): Intl.DateTimeFormat {
  const key = `${lang} ${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALE[lang] ?? lang, PRECISION[precision - 1]);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formatted dates, set in the language's typography ("30\u00A0ноября 2026\u00A0г."): each date once. */
const typesetDates = new Map<string, string>();

function finish(lang: string, key: string, formatted: () => string): string {
  let text = typesetDates.get(key);
  if (text === undefined) {
    text = typeset(lang, formatted());
    typesetDates.set(key, text);
  }
  return text;
}

/**
 * Formats a YYYY, YYYY-MM or YYYY-MM-DD date for readers of a language. Russian dates keep "г."
 * ("30 ноября 2026 г.", "на 2022 г."), which the grammar of the sentences around them needs; a
 * sentence that ends with one keeps a single full stop (i18n.ts).
 */
export function formatDate(lang: string, date: string): string {
  return finish(lang, `${lang} ${date}`, () => {
    const parts = date.split('-').map(Number);
    const [y, m, d] = parts;
    const text = dateFormatter(lang, parts.length).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
    // Intl writes a Russian year alone as a bare number, which cannot follow "на" or "в"
    return lang === 'ru' && parts.length === 1 ? `${text} г.` : text;
  });
}

/** Formats two days (YYYY-MM-DD) as one span, e.g. "22–23 September 2022". */
export function formatDateRange(lang: string, from: string, until: string): string {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  return finish(lang, `${lang} ${from}/${until}`, () => dateFormatter(lang, 3).formatRange(day(from), day(until)));
}

/** Splits a text into paragraphs at blank lines. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** Formats a count ("2,594", "2594", "2.594") or a percentage ("37%", "37 %") for readers of a language. */
export function formatNumber(lang: string, value: number, unit: 'count' | 'percent' = 'count'): string {
  const key = `${lang} ${unit}`;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    // Percentages keep one decimal (10.2 %, not 10 %): the official rates are given that way.
    // Russian leaves four-digit numbers whole ("2594", "12 345"), as Russian style guides ask and the texts write them
    formatter = new Intl.NumberFormat(DATE_LOCALE[lang] ?? lang, unit === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : { useGrouping: lang === 'ru' ? 'min2' : 'auto' });
    numberFormatters.set(key, formatter);
  }
  return formatter.format(unit === 'percent' ? value / 100 : value);
}

/** A file's size for readers of a language, in megabytes with one decimal ("1.2 MB", "1,2 МБ"). */
export function formatSize(lang: string, bytes: number): string {
  return new Intl.NumberFormat(DATE_LOCALE[lang] ?? lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1_000_000);
}
