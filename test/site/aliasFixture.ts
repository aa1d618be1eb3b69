import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { loadContent } from '../../src/content/load.js';
import { DEFAULT_DIRS } from '../../src/paths.js';
import { createSite } from '../../src/site/site.js';

/** Old position ids given to real positions in the fixture: old id → current id. */
export const POSITION_ALIASES: Record<string, string> = {
  'faeser-deserters': 'deserters-protection',
  'deserters-2022': 'deserters-protection',
  'opponents-may-apply': 'opponents-can-apply',
};

/** An old answer id of the first finder question: old → current. */
export const ANSWER_ALIAS = { question: 'where', old: 'russia', current: 'in-russia' };

/**
 * The app on a copy of the real rules/ and locales/ in which some positions and one finder answer
 * were renamed, keeping their old ids as aliases, as an editor would do.
 */
export function appWithAliases() {
  const root = mkdtempSync(join(tmpdir(), 'aliases-'));
  const dirs = { rules: join(root, 'rules'), locales: join(root, 'locales') };
  try {
    cpSync(DEFAULT_DIRS.rules, dirs.rules, { recursive: true });
    cpSync(DEFAULT_DIRS.locales, dirs.locales, { recursive: true });
    const byPosition = new Map<string, string[]>();
    for (const [old, id] of Object.entries(POSITION_ALIASES)) byPosition.set(id, [...(byPosition.get(id) ?? []), old]);
    for (const [id, olds] of byPosition) {
      const file = join(dirs.rules, 'positions', `${id}.yaml`);
      const text = readFileSync(file, 'utf8');
      if (/^aliases:/m.test(text)) throw new Error(`${id} has aliases already: the fixture needs another position`);
      writeFileSync(file, `${text.trimEnd()}\naliases: [${olds.join(', ')}]\n`);
    }
    const finder = join(dirs.rules, 'finder.yaml');
    const text = readFileSync(finder, 'utf8');
    const at = new RegExp(`^(\\s*)- id: ${ANSWER_ALIAS.question}\\n`, 'm');
    if (!at.test(text)) throw new Error(`finder.yaml has no question "${ANSWER_ALIAS.question}"`);
    writeFileSync(finder, text.replace(at, (line, indent: string) => `${line}${indent}  aliases: { ${ANSWER_ALIAS.old}: ${ANSWER_ALIAS.current} }\n`));
    const result = loadContent(dirs);
    if (!result.content) throw new Error(`the fixture does not load: ${JSON.stringify(result.problems)}`);
    const site = createSite(result.content, testConfig());
    return { app: createApp(site), site };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
