/** True when s (YYYY-MM-DD) names a day that exists in the calendar. */
export function isRealDate(s: string): boolean {
  if (/^\d{4}$/.test(s)) return isRealDate(`${s}-01-01`);
  if (/^\d{4}-\d{2}$/.test(s)) return isRealDate(`${s}-01`);
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A problem message for a date, or undefined when it is fine. */
export function dateProblem(s: string, today: string): string | undefined {
  if (!isRealDate(s)) return `"${s}" is not a real date`;
  if (s > today) return `"${s}" is in the future (today is ${today})`;
  return undefined;
}
