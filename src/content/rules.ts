import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { readDataFile, validate } from './readFile.js';
import type { ProblemList } from './problems.js';
import * as S from './schema.js';

/** Everything in rules/, validated one file at a time; cross-references are checked elsewhere. */
export interface Rules {
  languagesFile: string;
  sourceLang: string;
  languages: S.Language[];
  sources: S.Source[];
  positions: { file: string; position: S.Position }[];
  actors: S.Actor[];
  help: S.HelpOrg[];
  caveats: string[];
  questions: S.Question[];
  glossary: S.GlossaryTerm[];
  charts: S.Chart[];
  files: Record<'sources' | 'actors' | 'help' | 'caveats' | 'finder' | 'glossary' | 'figures', string>;
  /** True when a file could not be read or validated: then "not used" checks would only add noise. */
  incomplete: boolean;
}

function readOne<T extends z.ZodType>(file: string, schema: T, problems: ProblemList): z.infer<T> | undefined {
  const parsed = readDataFile(file, problems);
  return parsed ? validate(parsed, schema, problems) : undefined;
}

export function readRules(dir: string, problems: ProblemList): Rules {
  const before = problems.size;
  const files = {
    sources: join(dir, 'sources.yaml'),
    actors: join(dir, 'actors.yaml'),
    help: join(dir, 'help.yaml'),
    caveats: join(dir, 'caveats.yaml'),
    finder: join(dir, 'finder.yaml'),
    glossary: join(dir, 'glossary.yaml'),
    figures: join(dir, 'figures.yaml'),
  };
  const languagesFile = join(dir, 'languages.yaml');
  const langs = readOne(languagesFile, S.LanguagesFile, problems);
  const positions: Rules['positions'] = [];
  const posDir = join(dir, 'positions');
  const posFiles = existsSync(posDir) ? readdirSync(posDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  if (posFiles.length === 0) problems.add({ file: posDir, path: '', message: 'there are no positions: add one .yaml file per position' });
  for (const f of posFiles) {
    const file = join(posDir, f);
    const position = readOne(file, S.Position, problems);
    if (!position) continue;
    const expected = basename(f).replace(/\.ya?ml$/, '');
    if (position.id !== expected) problems.add({ file, path: 'id', message: `must match the file name ("${expected}"): rename the file or the id` });
    positions.push({ file, position });
  }
  const rules = {
    languagesFile,
    sourceLang: langs?.source ?? 'en',
    languages: langs?.languages ?? [],
    sources: readOne(files.sources, S.SourcesFile, problems)?.sources ?? [],
    positions,
    actors: readOne(files.actors, S.ActorsFile, problems)?.actors ?? [],
    help: readOne(files.help, S.HelpFile, problems)?.help ?? [],
    caveats: readOne(files.caveats, S.CaveatsFile, problems)?.caveats ?? [],
    questions: readOne(files.finder, S.FinderFile, problems)?.questions ?? [],
    glossary: readOne(files.glossary, S.GlossaryFile, problems)?.terms ?? [],
    charts: readOne(files.figures, S.FiguresFile, problems)?.charts ?? [],
    files,
    incomplete: false,
  };
  rules.incomplete = problems.size > before;
  return rules;
}
