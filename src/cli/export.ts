import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { loadContent } from '../content/load.js';
import { formatProblem } from '../content/problems.js';
import { removePrecompressed, writeNginxKit } from '../deploy/nginx.js';
import { exportSite, localAddressWarning } from '../export/export.js';
import { mirrorSite } from '../deploy/mirrorSite.js';
import { printOfflineEditions } from '../export/pdf.js';
import { createSite } from '../site/site.js';

const USAGE = 'usage: npm run export -- --out DIR [--base-url https://mirror.example.org] [--pdf] [--nginx FILE [--nginx-listen 8080] [--nginx-run DIR]]';

/** Whether a path is the folder itself or below it. */
const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(0)} kB`;
}

/**
 * npm run export -- --out DIR [--base-url URL]: the whole site as static files.
 * With --nginx FILE also the mirror kit (src/deploy/nginx.ts): a .gz twin of every text file and an
 * nginx configuration in FILE serving DIR on --nginx-listen (default 8080), its pid, logs and
 * temporary files in --nginx-run (default: the folder nginx-run next to FILE).
 * With --pdf also each language's offline edition as an A4 PDF ({lang}/offline.pdf), printed with
 * Debian's Chromium when it is installed.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        'base-url': { type: 'string' },
        nginx: { type: 'string' },
        'nginx-listen': { type: 'string', default: '8080' },
        'nginx-run': { type: 'string' },
        pdf: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`export: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args.out) {
    console.error(`export: --out DIR is required\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    const baseUrl = args['base-url'];
    // the export warns about a local address itself (below), also where the server would refuse it (NODE_ENV=production)
    config = loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', ...(baseUrl !== undefined ? { BASE_URL: baseUrl } : {}) });
  } catch (e) {
    console.error(`export: ${(e as Error).message.replace('BASE_URL', '--base-url / BASE_URL')}`);
    return 2;
  }
  const warning = localAddressWarning(config.baseUrl, { flag: args['base-url'], env: process.env.BASE_URL });
  if (warning) console.warn(warning);
  const { content, problems } = loadContent();
  if (!content) {
    console.error(`export: the content has ${problems.length} problem(s); nothing was written. Run npm run check for the same list.`);
    for (const p of problems) console.error(formatProblem(p));
    return 1;
  }
  if (!args.nginx && args['nginx-run'] !== undefined) {
    console.error(`export: --nginx-run needs --nginx FILE\n${USAGE}`);
    return 2;
  }
  const dir = resolve(args.out);
  // the mirror would serve its own configuration, logs and pid file
  for (const [option, path] of [['--nginx', args.nginx], ['--nginx-run', args['nginx-run'] ?? (args.nginx ? join(dirname(resolve(args.nginx)), 'nginx-run') : undefined)]] as const) {
    if (path !== undefined && isInside(resolve(path), dir)) {
      console.error(`export: ${option} ${path} is inside --out ${args.out}: the mirror would serve it; put it next to the export folder, e.g. --nginx ${join(dirname(dir), 'nginx.conf')}`);
      return 2;
    }
  }
  try {
    // a previous export with the nginx kit has .gz twins at its top: without them it is recognised as an export
    await removePrecompressed(dir);
    const site = createSite(content, config);
    const summary = await exportSite(site, dir);
    for (const m of summary.missing) console.warn(`warning: not exported: ${m}`);
    console.log(`export: ${summary.files} files, ${size(summary.bytes)}, written to ${dir} in ${(summary.ms / 1000).toFixed(2)} s (public address ${config.baseUrl})`);
    if (args.pdf) {
      const pdf = await printOfflineEditions(dir, content.langCodes);
      if ('skipped' in pdf) console.warn(`pdf: not printed: ${pdf.skipped}`);
      else console.log(`pdf: ${pdf.written.length} offline editions printed: ${pdf.written.map((f) => relative(dir, f)).join(', ')}`);
    }
    if (args.nginx) {
      const kit = await writeNginxKit(config, dir, { file: args.nginx, listen: args['nginx-listen'], runDir: args['nginx-run'], ...mirrorSite(site) });
      console.log(`nginx: ${kit.precompressed.files} .gz files (${size(kit.precompressed.bytes)}) next to the text files; configuration written to ${kit.file}`);
      console.log(`  run it: nginx -p ${kit.runDir} -c ${kit.file} -g 'daemon off;'   (listens on ${args['nginx-listen']}; pid, logs and temporary files in ${kit.runDir})`);
    }
    return 0;
  } catch (e) {
    console.error(`export: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
