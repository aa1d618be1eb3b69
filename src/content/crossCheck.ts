import { dateProblem } from './dates.js';
import type { ProblemList } from './problems.js';
import type { Rules } from './rules.js';

/** Reports ids used twice within one list. */
export function unique(ids: string[], file: string, path: string, problems: ProblemList): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.add({ file, path: `${path}[${i}]`, message: `the id "${id}" is used twice: every id must be unique` });
    seen.add(id);
  });
}

export function dates(file: string, entries: [string, string | undefined][], today: string, problems: ProblemList): void {
  for (const [path, value] of entries) {
    const message = value === undefined ? undefined : dateProblem(value, today);
    if (message) problems.add({ file, path, message });
  }
}

/** Checks that every reference points at something that exists, every id is unique and every date is real and past. */
export function crossCheck(r: Rules, today: string, problems: ProblemList): void {
  // References are checked against the ids each file declares, broken entries included (see Rules.known);
  // an undefined set means that file's ids cannot be told, and references to it wait until it is fixed.
  const { sources: sourceIds, actors: actorIds, caveats: caveatIds, options: optionIds, positions: positionIds, terms: termIds } = r.known;
  const missing = (known: Set<string> | undefined, id: string) => known !== undefined && !known.has(id);
  const used = { sources: new Set<string>(), actors: new Set<string>(), caveats: new Set<string>() };

  unique(r.sources.map((s) => s.id), r.files.sources, 'sources', problems);
  unique(r.actors.map((a) => a.id), r.files.actors, 'actors', problems);
  unique(r.caveats, r.files.caveats, 'caveats', problems);
  unique(r.questions.map((q) => q.id), r.files.finder, 'questions', problems);
  unique(r.glossary.map((t) => t.id), r.files.glossary, 'terms', problems);
  r.glossary.forEach((t, ti) =>
    t.sources.forEach((s, i) => {
      if (missing(sourceIds, s)) problems.add({ file: r.files.glossary, path: `terms[${ti}].sources[${i}]`, message: `there is no source "${s}": add it to rules/sources.yaml or fix the id` });
      used.sources.add(s);
    }),
  );
  // An option id must be unique across all questions: the later one is reported, where it is written.
  const optionSeen = new Set<string>();
  r.questions.forEach((q, qi) =>
    q.options.forEach((o, oi) => {
      if (optionSeen.has(o)) problems.add({ file: r.files.finder, path: `questions[${qi}].options[${oi}]`, message: `the id "${o}" is used twice (across all questions): every id must be unique` });
      optionSeen.add(o);
    }),
  );
  unique(r.languages.map((l) => l.code), r.languagesFile, 'languages', problems);
  if (r.languages.length > 0 && !r.languages.some((l) => l.code === r.sourceLang)) {
    problems.add({ file: r.languagesFile, path: 'source', message: `"${r.sourceLang}" is not in the list of languages` });
  }
  r.languages.forEach((l, i) => dates(r.languagesFile, [[`languages[${i}].review.on`, l.review.on]], today, problems));
  r.sources.forEach((s, i) => dates(r.files.sources, [[`sources[${i}].published`, s.published], [`sources[${i}].checked`, s.checked]], today, problems));

  r.questions.forEach((q, qi) => {
    for (const [earlier, answers] of Object.entries(q.askIf ?? {})) {
      const at = `questions[${qi}].askIf.${earlier}`;
      const before = r.questions.slice(0, qi).find((e) => e.id === earlier);
      if (!before) problems.add({ file: r.files.finder, path: at, message: `"${earlier}" is not a question asked before this one` });
      else answers.forEach((a, i) => {
        if (!before.options.includes(a)) problems.add({ file: r.files.finder, path: `${at}[${i}]`, message: `"${a}" is not an option of the question "${earlier}"` });
      });
    }
    for (const [option, terms] of Object.entries(q.terms)) {
      const at = `questions[${qi}].terms.${option}`;
      if (!q.options.includes(option)) problems.add({ file: r.files.finder, path: at, message: `"${option}" is not an option of this question` });
      terms.forEach((t, i) => {
        if (missing(termIds, t)) problems.add({ file: r.files.finder, path: `${at}[${i}]`, message: `there is no glossary term "${t}": add it to rules/glossary.yaml or fix the id` });
      });
    }
    for (const [alias, target] of Object.entries(q.aliases)) {
      if (!q.options.includes(target)) problems.add({ file: r.files.finder, path: `questions[${qi}].aliases.${alias}`, message: `points to "${target}", which is not an option of this question` });
      if (optionSeen.has(alias)) problems.add({ file: r.files.finder, path: `questions[${qi}].aliases.${alias}`, message: 'is still an option: an alias must be an old id that is no longer used' });
    }
  });

  unique(r.charts.map((c) => c.id), r.files.figures, 'charts', problems);
  r.charts.forEach((c, ci) => {
    const at = `charts[${ci}]`;
    if (missing(positionIds, c.position)) problems.add({ file: r.files.figures, path: `${at}.position`, message: `there is no position "${c.position}": fix the id` });
    const sourceRef = (path: string, id: string) => {
      if (missing(sourceIds, id)) problems.add({ file: r.files.figures, path, message: `there is no source "${id}": add it to rules/sources.yaml or fix the id` });
      used.sources.add(id);
    };
    sourceRef(`${at}.source`, c.source);
    dates(r.files.figures, [[`${at}.asOf`, c.asOf]], today, problems);
    unique(c.bars.map((b) => b.id), r.files.figures, `${at}.bars`, problems);
    c.bars.forEach((b, bi) => {
      if (b.source) sourceRef(`${at}.bars[${bi}].source`, b.source);
      dates(r.files.figures, [[`${at}.bars[${bi}].asOf`, b.asOf]], today, problems);
      if (c.unit === 'percent' && b.value > 100) problems.add({ file: r.files.figures, path: `${at}.bars[${bi}].value`, message: 'a percentage cannot be more than 100' });
    });
  });
  const langCodes = r.known.languages;

  const allPositionNames = new Map<string, string>();
  for (const { file, position: p } of r.positions) {
    for (const name of [p.id, ...p.aliases]) {
      const other = allPositionNames.get(name);
      if (other) problems.add({ file, path: name === p.id ? 'id' : 'aliases', message: `"${name}" is already used by ${other}: ids and aliases must be unique` });
      allPositionNames.set(name, file);
    }
    if (!p.saidOn && p.kind !== 'legal-background') problems.add({ file, path: 'saidOn', message: 'this field is missing (only legal background may leave it out)' });
    dates(file, [['saidOn', p.saidOn], ['saidUntil', p.saidUntil], ['checkedOn', p.checkedOn], ['reviewedOn', p.reviewedOn], ['status.checkedOn', p.status.checkedOn]], today, problems);
    if (p.saidUntil && (!p.saidOn || p.saidOn.length < 10 || p.saidUntil <= p.saidOn)) {
      problems.add({ file, path: 'saidUntil', message: 'must be a later day than saidOn, which must then be a full date (YYYY-MM-DD)' });
    }
    const ref = (path: string, id: string, known: Set<string> | undefined, what: string, where: string) => {
      if (missing(known, id)) problems.add({ file, path, message: `there is no ${what} "${id}": add it to ${where} or fix the id` });
    };
    p.saidBy.forEach((a, i) => {
      ref(`saidBy[${i}]`, a, actorIds, 'actor', 'rules/actors.yaml');
      used.actors.add(a);
    });
    if (p.reportedIn) {
      ref('reportedIn', p.reportedIn, sourceIds, 'source', 'rules/sources.yaml');
      used.sources.add(p.reportedIn);
    }
    p.sources.forEach((s, i) => {
      ref(`sources[${i}].source`, s.source, sourceIds, 'source', 'rules/sources.yaml');
      used.sources.add(s.source);
    });
    unique(p.sources.map((s) => s.source), file, 'sources', problems);
    p.caveats.forEach((c, i) => {
      ref(`caveats[${i}]`, c, caveatIds, 'caveat', 'rules/caveats.yaml');
      used.caveats.add(c);
    });
    p.appliesTo.forEach((s, i) => ref(`appliesTo[${i}]`, s, optionIds, 'situation', 'rules/finder.yaml'));
    p.terms.forEach((t, i) => ref(`terms[${i}]`, t, termIds, 'glossary term', 'rules/glossary.yaml'));
    const changeKeys = new Set<string>();
    p.changes.forEach((c, i) => {
      const at = `changes[${i}]`;
      dates(file, [[`${at}.on`, c.on]], today, problems);
      if (c.kind !== 'added' && !c.note) problems.add({ file, path: `${at}.note`, message: `this field is missing: say what changed (an id of a sentence in locales/*/changes.json)` });
      if (c.kind === 'added' && i !== 0) problems.add({ file, path: `${at}.kind`, message: '"added" can only be the first change' });
      const prev = p.changes[i - 1];
      if (prev && c.on < prev.on) problems.add({ file, path: `${at}.on`, message: `is earlier than the change before it (${prev.on}): list changes oldest first` });
      const key = `${c.on} ${c.kind} ${c.note ?? ''}`;
      if (changeKeys.has(key)) problems.add({ file, path: at, message: 'the same change is listed twice' });
      changeKeys.add(key);
      (c.languages ?? []).forEach((l, li) => {
        if (missing(langCodes, l)) problems.add({ file, path: `${at}.languages[${li}]`, message: `"${l}" is not in rules/languages.yaml` });
      });
    });
    unique(p.terms, file, 'terms', problems);
    for (const field of ['related', 'afterwards', 'status.changedBy'] as const) {
      const ids = field === 'status.changedBy' ? p.status.changedBy : p[field];
      ids.forEach((id, i) => {
        ref(`${field}[${i}]`, id, positionIds, 'position', 'rules/positions/');
        if (id === p.id) problems.add({ file, path: `${field}[${i}]`, message: 'a position cannot refer to itself' });
      });
    }
  }
  if (r.incomplete) return;
  r.sources.forEach((s, i) => {
    if (!used.sources.has(s.id)) problems.add({ file: r.files.sources, path: `sources[${i}]`, message: `source "${s.id}" is not used by any position: use it or remove it` });
  });
  r.actors.forEach((a, i) => {
    if (!used.actors.has(a.id)) problems.add({ file: r.files.actors, path: `actors[${i}]`, message: `actor "${a.id}" is not used by any position: use it or remove it` });
  });
  r.caveats.forEach((c, i) => {
    if (!used.caveats.has(c)) problems.add({ file: r.files.caveats, path: `caveats[${i}]`, message: `caveat "${c}" is not used by any position: use it or remove it` });
  });
}
