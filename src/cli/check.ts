import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../content/load.js';
import { formatProblem } from '../content/problems.js';
import { DEFAULT_DIRS } from '../paths.js';

/**
 * npm run check: one line per problem ("file:line: field: message"), exit 1 on any; stale translations are warnings.
 * CONTENT_DIR, as for the server, checks the rules/ and locales/ in that folder instead of the project's own.
 */
const contentDir = process.env.CONTENT_DIR;
const dirs = contentDir ? { rules: join(contentDir, 'rules'), locales: join(contentDir, 'locales') } : DEFAULT_DIRS;
const started = performance.now();
const { content, problems, warnings, statusWarnings, termWarnings } = loadContent(dirs);
const ms = (performance.now() - started).toFixed(0);
for (const p of problems) console.error(formatProblem(p));
if (warnings.length > 0) {
  console.warn(`warning: ${warnings.length} translation(s) may be older than the English text (run npm run translations:stamp -- LANG after updating them):`);
  for (const w of warnings) console.warn(`  stale: ${w}`);
}
// A "now" older than six months is refused here unless the position says why it was not checked again.
const overdue = statusWarnings.filter((w) => w.overdue);
for (const w of overdue) console.error(formatProblem(w));
for (const w of statusWarnings.filter((w) => !w.overdue)) console.warn(`warning: ${formatProblem(w)}`);
for (const w of termWarnings) console.warn(`warning: ${formatProblem(w)}`);
if (!content || overdue.length > 0) {
  console.error(`check: ${problems.length + overdue.length} problem(s) found in ${ms} ms`);
  process.exit(1);
}
console.log(`check: content is valid: ${content.positions.length} positions, ${content.sources.length} sources, ${content.langCodes.length} languages (${ms} ms)`);
