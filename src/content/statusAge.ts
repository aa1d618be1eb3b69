import type { Problem } from './problems.js';
import type { Rules } from './rules.js';

/** After this many months, `npm run check` warns that a position's status needs checking again. */
export const STATUS_WARN_MONTHS = 6;
/** After this many months, the position's page tells readers that its status may be out of date. */
export const STATUS_OVERDUE_MONTHS = 12;

/** The day `months` calendar months before `today` (both YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(today: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** True when a status checked on `checkedOn` is older than `months` months on `today`. */
export function olderThan(checkedOn: string, months: number, today: string): boolean {
  return checkedOn < monthsBefore(today, months);
}

/** Not errors: positions whose status was last checked more than STATUS_WARN_MONTHS ago. */
export function statusWarnings(r: Rules, today: string): Problem[] {
  return r.positions
    .filter(({ position: p }) => olderThan(p.status.checkedOn, STATUS_WARN_MONTHS, today))
    .map(({ file, position: p }) => ({
      file,
      path: 'status.checkedOn',
      message: `was last checked on ${p.status.checkedOn}, more than ${STATUS_WARN_MONTHS} months ago: check where this position stands today and update the date`,
    }));
}
