import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig } from '../config.js';
import { loadContentOrThrow } from '../content/load.js';
import { findNginx, nginxArgs, writeNginxKit } from '../deploy/nginx.js';
import { exportSite } from '../export/export.js';
import { mirrorSite } from '../deploy/mirrorSite.js';
import { createSite } from '../site/site.js';
import { freePort, waitFor200, type Child } from './processes.js';

/** nginx workers for the benchmark: one, like the one Node process it is compared with. */
export const NGINX_WORKERS = 1;

/**
 * A fresh export served by Debian's nginx with the mirror kit's configuration (src/deploy/nginx.ts)
 * on a free loopback port, for `npm run bench`; or why not (no nginx installed). Under root, nginx
 * is started as nobody, as the kit is meant to run. stop() ends it and removes the export.
 */
export async function startNginxMirror(): Promise<(Child & { nginx: string }) | { skipped: string }> {
  const nginx = findNginx();
  if (!nginx) return { skipped: 'nginx is not installed (apt-get install nginx-light)' };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-nginx-'));
  chmodSync(dir, 0o755);
  const site = createSite(loadContentOrThrow(), testConfig({ baseUrl: url }));
  const root = join(dir, 'site');
  await exportSite(site, root);
  const kit = await writeNginxKit(site.config, root, { file: join(dir, 'nginx.conf'), listen: `127.0.0.1:${port}`, runDir: join(dir, 'run'), workers: NGINX_WORKERS, ...mirrorSite(site) });
  const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  if ('uid' in user) chownSync(kit.runDir, 65534, 65534);
  const child = spawn(nginx, nginxArgs(kit), { detached: true, stdio: 'ignore', ...user });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor200(`${url}/`, performance.now(), 15_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { process: child, url, stop, nginx };
}
