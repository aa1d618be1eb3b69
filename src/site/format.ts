/** Regional formats for dates: English dates are written day-month-year, as in Europe. */
const DATE_LOCALE: Record<string, string> = { en: 'en-GB' };

const PRECISION: Intl.DateTimeFormatOptions[] = [
  { year: 'numeric', timeZone: 'UTC' },
  { month: 'long', year: 'numeric', timeZone: 'UTC' },
  { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
];

/** Formatters are costly to create: one per language and precision, made on first use. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats a YYYY, YYYY-MM or YYYY-MM-DD date for readers of a language. */
export function formatDate(lang: string, date: string): string {
  const parts = date.split('-').map(Number);
  const [y, m, d] = parts;
  const when = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const key = `${lang} ${parts.length}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALE[lang] ?? lang, PRECISION[parts.length - 1]);
    formatters.set(key, formatter);
  }
  // Russian dates end in "г." ("22 сентября 2022 г."), which doubles the full stop of a sentence; the year alone reads naturally
  return lang === 'ru' ? formatter.format(when).replace(/\s*г\.$/, '') : formatter.format(when);
}

/** Formats two days (YYYY-MM-DD) as one span, e.g. "22–23 September 2022". */
export function formatDateRange(lang: string, from: string, until: string): string {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const key = `${lang} 3`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALE[lang] ?? lang, PRECISION[2]);
    formatters.set(key, formatter);
  }
  const text = formatter.formatRange(day(from), day(until));
  return lang === 'ru' ? text.replace(/\s*г\.$/, '') : text;
}

/** Splits a text into paragraphs at blank lines. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** Formats a count ("2,594", "2 594", "2.594") or a percentage ("37%", "37 %") for readers of a language. */
export function formatNumber(lang: string, value: number, unit: 'count' | 'percent' = 'count'): string {
  const key = `${lang} ${unit}`;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    // Russian groups thousands in four-digit numbers too ("2 594"), as Russian style guides ask.
    formatter = new Intl.NumberFormat(DATE_LOCALE[lang] ?? lang, unit === 'percent' ? { style: 'percent' } : { useGrouping: lang === 'ru' ? 'always' : 'auto' });
    numberFormatters.set(key, formatter);
  }
  return formatter.format(unit === 'percent' ? value / 100 : value);
}

/** A file's size for readers of a language, in megabytes with one decimal ("1.2 MB", "1,2 МБ"). */
export function formatSize(lang: string, bytes: number): string {
  return new Intl.NumberFormat(DATE_LOCALE[lang] ?? lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1_000_000);
}
