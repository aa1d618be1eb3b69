/** Regional formats for dates: English dates are written day-month-year, as in Europe. */
const DATE_LOCALE: Record<string, string> = { en: 'en-GB' };

/** Formats a YYYY, YYYY-MM or YYYY-MM-DD date for readers of a language. */
export function formatDate(lang: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const when = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : m
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(DATE_LOCALE[lang] ?? lang, options).format(when);
}

/** Splits a text into paragraphs at blank lines. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}
