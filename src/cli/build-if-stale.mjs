// npm start runs this first: it compiles src/ into dist/ only when a source is newer than the build
// (or there is no build), so that a start with nothing changed takes well under two seconds.
// Plain JavaScript, so that it needs no compiler to decide whether the compiler is needed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = join(root, 'dist', 'server.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(join(root, 'src')), ...['tsconfig.json', 'src/tsconfig.json', 'package-lock.json'].map((f) => statSync(join(root, f)).mtimeMs));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the server (sources changed since the last build) …');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'src', 'tsconfig.json')], { stdio: 'inherit' });
}
