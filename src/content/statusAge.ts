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

/**
 * Positions whose status was last checked more than STATUS_WARN_MONTHS ago. Those that say why
 * (`status.notRecheckedBecause`) are warnings; `npm run check` refuses the others (`overdue: true`).
 * The server only warns: a site must not stop working because a date has passed.
 */
export function statusWarnings(r: Rules, today: string): (Problem & { overdue: boolean })[] {
  return r.positions
    .filter(({ position: p }) => olderThan(p.status.checkedOn, STATUS_WARN_MONTHS, today))
    .map(({ file, position: p }) => {
      const reason = p.status.notRecheckedBecause;
      const base = `was last checked on ${p.status.checkedOn}, more than ${STATUS_WARN_MONTHS} months ago`;
      return reason
        ? { file, path: 'status.checkedOn', overdue: false, message: `${base}; not checked again because: ${reason}` }
        : {
            file,
            path: 'status.checkedOn',
            overdue: true,
            message: `${base}: check where this position stands today and update the date, or say why not in status.notRecheckedBecause`,
          };
    });
}
