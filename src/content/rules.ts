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
  help: S.HelpFile;
  caveats: string[];
  questions: S.Question[];
  glossary: S.GlossaryTerm[];
  charts: S.Chart[];
  files: Record<'sources' | 'actors' | 'help' | 'caveats' | 'finder' | 'glossary' | 'figures', string>;
  /** True when a file could not be read or validated: then "not used" checks would only add noise. */
  incomplete: boolean;
  /**
   * The ids each file declares, including entries that failed validation (a source with a bad address
   * still has its id), so that one broken entry does not make every reference to it a problem too.
   * Undefined where the ids cannot be told (the file cannot be read, or an id itself is broken):
   * then references to that kind are not checked until the file is fixed.
   */
  known: Record<'sources' | 'actors' | 'caveats' | 'options' | 'terms' | 'languages', Set<string> | undefined> & { positions: Set<string> };
  /** Each source's language, as written (also where rules/sources.yaml has a problem): original quotes are told by it. */
  sourceLangs: Map<string, string>;
}

function readOne<T extends z.ZodType>(file: string, schema: T, problems: ProblemList): { value?: z.infer<T>; raw?: unknown } {
  const parsed = readDataFile(file, problems);
  return parsed ? { value: validate(parsed, schema, problems), raw: parsed.data } : {};
}

const field = (obj: unknown, key: string): unknown => (obj !== null && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>)[key] : undefined);

/** The ids in a raw list (each entry itself, or its `key` field), when every one of them is a valid id. */
function declared(list: unknown, key: string | undefined, format: z.ZodType = S.Id): Set<string> | undefined {
  if (!Array.isArray(list)) return undefined;
  const ids = list.map((entry) => (key ? field(entry, key) : entry));
  return ids.every((id) => format.safeParse(id).success) ? new Set(ids as string[]) : undefined;
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
  const positionIds = new Set<string>();
  const posDir = join(dir, 'positions');
  const posFiles = existsSync(posDir) ? readdirSync(posDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  if (posFiles.length === 0) problems.add({ file: posDir, path: '', message: 'there are no positions: add one .yaml file per position' });
  for (const f of posFiles) {
    const file = join(posDir, f);
    const { value: position, raw } = readOne(file, S.Position, problems);
    const expected = basename(f).replace(/\.ya?ml$/, '');
    const rawId = field(raw, 'id');
    positionIds.add(S.Id.safeParse(rawId).success ? (rawId as string) : expected);
    if (!position) continue;
    if (position.id !== expected) problems.add({ file, path: 'id', message: `must match the file name ("${expected}"): rename the file or the id` });
    positions.push({ file, position });
  }
  const sources = readOne(files.sources, S.SourcesFile, problems);
  const actors = readOne(files.actors, S.ActorsFile, problems);
  const caveats = readOne(files.caveats, S.CaveatsFile, problems);
  const finder = readOne(files.finder, S.FinderFile, problems);
  const glossary = readOne(files.glossary, S.GlossaryFile, problems);
  const rawQuestions = field(finder.raw, 'questions');
  const rawSource = field(langs.raw, 'source');
  const rules: Rules = {
    languagesFile,
    sourceLang: langs.value?.source ?? (S.LanguageCode.safeParse(rawSource).success ? (rawSource as string) : 'en'),
    languages: langs.value?.languages ?? [],
    sources: sources.value?.sources ?? [],
    positions,
    actors: actors.value?.actors ?? [],
    help: readOne(files.help, S.HelpFile, problems).value ?? { sources: [], organisations: [], safety: [], authorities: [], fits: {} },
    caveats: caveats.value?.caveats ?? [],
    questions: finder.value?.questions ?? [],
    glossary: glossary.value?.terms ?? [],
    charts: readOne(files.figures, S.FiguresFile, problems).value?.charts ?? [],
    files,
    incomplete: false,
    sourceLangs: new Map(
      (Array.isArray(field(sources.raw, 'sources')) ? (field(sources.raw, 'sources') as unknown[]) : []).flatMap((e) => {
        const [id, lang] = [field(e, 'id'), field(e, 'lang')];
        return typeof id === 'string' && typeof lang === 'string' ? [[id, lang] as const] : [];
      }),
    ),
    known: {
      sources: declared(field(sources.raw, 'sources'), 'id'),
      actors: declared(field(actors.raw, 'actors'), 'id'),
      caveats: declared(field(caveats.raw, 'caveats'), undefined),
      // A question without a list of options makes the situations unknown ([undefined] is never a valid id).
      options: Array.isArray(rawQuestions)
        ? declared(
            rawQuestions.flatMap((q) => {
              const options = field(q, 'options');
              return Array.isArray(options) ? (options as unknown[]) : [undefined];
            }),
            undefined,
          )
        : undefined,
      terms: declared(field(glossary.raw, 'terms'), 'id'),
      languages: declared(field(langs.raw, 'languages'), 'code', S.LanguageCode),
      positions: positionIds,
    },
  };
  rules.incomplete = problems.size > before;
  return rules;
}
