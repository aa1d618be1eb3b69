import { dates, unique } from './crossCheck.js';
import type { Problem, ProblemList } from './problems.js';
import type { Rules } from './rules.js';
import { DANGEROUS_STATUSES, type HelpOrg } from './schema.js';
import { olderThan } from './statusAge.js';

/** After this many months, `npm run check` warns that an organisation's status in Russia needs checking again. */
export const HELP_STATUS_WARN_MONTHS = 3;
/** The place answer whose readers are in Russia: an "undesirable" or "extremist" organisation needs its warning there. */
export const IN_RUSSIA = 'in-russia';
/** The finder question whose answers say where the reader is. */
export const WHERE_QUESTION = 'where';

/** Channels that are nothing without their number or address. */
const NEEDS_VALUE = new Set(['phone', 'email', 'signal', 'web-form']);

export const needsWarning = (o: HelpOrg): boolean => DANGEROUS_STATUSES.includes(o.status.kind);

/**
 * rules/help.yaml: every fact names a source that the file lists, ids are unique, dates are real and past,
 * "for whom" names the finder's place answers, and a phone or e-mail contact has its number or address.
 */
export function checkHelp(r: Rules, today: string, problems: ProblemList): void {
  const file = r.files.help;
  const { sources, organisations, safety, authorities } = r.help;
  const sourceIds = new Set(sources.map((s) => s.id));
  const places = r.questions.find((q) => q.id === WHERE_QUESTION)?.options;
  const source = (path: string, id: string) => {
    if (!sourceIds.has(id)) problems.add({ file, path, message: `there is no source "${id}" in this file's sources: add it (with the address read and the day) or fix the id` });
  };
  unique(sources.map((s) => s.id), file, 'sources', problems);
  unique(organisations.map((o) => o.id), file, 'organisations', problems);
  unique(safety.map((n) => n.id), file, 'safety', problems);
  unique(authorities.map((a) => a.id), file, 'authorities', problems);
  sources.forEach((s, i) => dates(file, [[`sources[${i}].published`, s.published], [`sources[${i}].checked`, s.checked]], today, problems));
  organisations.forEach((o, i) => {
    const at = `organisations[${i}]`;
    source(`${at}.website.source`, o.website.source);
    source(`${at}.answersIn.source`, o.answersIn.source);
    source(`${at}.status.source`, o.status.source);
    if (o.status.stillListed) source(`${at}.status.stillListed.source`, o.status.stillListed.source);
    const checked: [string, string | undefined][] = [
      [`${at}.website.checked`, o.website.checked],
      [`${at}.answersIn.checked`, o.answersIn.checked],
      [`${at}.status.checked`, o.status.checked],
      [`${at}.status.since`, o.status.since],
    ];
    o.contacts.forEach((c, ci) => {
      source(`${at}.contacts[${ci}].source`, c.source);
      checked.push([`${at}.contacts[${ci}].checked`, c.checked]);
      if (NEEDS_VALUE.has(c.kind) && !c.value) problems.add({ file, path: `${at}.contacts[${ci}].value`, message: `a ${c.kind} contact needs its number or address, as the source prints it` });
    });
    dates(file, checked, today, problems);
    if (o.status.kind !== 'none-found' && !o.status.since) problems.add({ file, path: `${at}.status.since`, message: `is missing: write the day it was listed as "${o.status.kind}", as the source says` });
    if (places) {
      o.forWhom.forEach((w, wi) => {
        if (!places.includes(w)) problems.add({ file, path: `${at}.forWhom[${wi}]`, message: `"${w}" is not an answer of the finder's question "${WHERE_QUESTION}" (${places.join(', ')})` });
      });
    }
  });
  safety.forEach((n, i) => n.sources.forEach((s, si) => source(`safety[${i}].sources[${si}]`, s)));
  const answers = new Set(r.questions.flatMap((q) => q.options));
  for (const answer of Object.keys(r.help.fits)) {
    if (r.questions.length > 0 && !answers.has(answer)) problems.add({ file, path: `fits.${answer}`, message: `"${answer}" is not an answer of the finder (rules/finder.yaml)` });
  }
  authorities.forEach((a, i) => {
    source(`authorities[${i}].source`, a.source);
    dates(file, [[`authorities[${i}].checked`, a.checked]], today, problems);
  });
}

/**
 * An organisation listed as "undesirable" or "extremist" may be shown to readers in Russia only with its
 * warning: without the text, the check refuses (whatever else is missing is reported elsewhere).
 */
export function checkHelpWarnings(r: Rules, texts: Map<string, string>, localesFile: string, problems: ProblemList): void {
  r.help.organisations.forEach((o, i) => {
    if (needsWarning(o) && o.forWhom.includes(IN_RUSSIA) && !texts.has(`help:${o.id}.warning`)) {
      problems.add({
        file: r.files.help,
        path: `organisations[${i}].forWhom`,
        message: `is shown to readers in Russia while listed as "${o.status.kind}": write its warning as "${o.id}.warning" in ${localesFile}, or take "${IN_RUSSIA}" out`,
      });
    }
  });
}

/** Not errors: organisations whose status in Russia was last checked more than HELP_STATUS_WARN_MONTHS ago. */
export function helpStatusWarnings(r: Rules, today: string): Problem[] {
  return r.help.organisations.flatMap((o, i) =>
    olderThan(o.status.checked, HELP_STATUS_WARN_MONTHS, today)
      ? [{ file: r.files.help, path: `organisations[${i}].status.checked`, message: `was last checked on ${o.status.checked}, more than ${HELP_STATUS_WARN_MONTHS} months ago: check how Russia lists "${o.id}" today and update the date` }]
      : [],
  );
}
