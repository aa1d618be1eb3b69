import { performance } from 'node:perf_hooks';
import type { Site } from '../site/site.js';
import { assetFiles, htmlFiles, type ExportedFile } from './documents.js';
import { prepareFolder, topLevelNames, writeFiles } from './folder.js';
import { servedFiles } from './served.js';

export interface ExportSummary {
  dir: string;
  files: number;
  bytes: number;
  ms: number;
  /** Documents the server does not offer (yet), so the export could not include them. */
  missing: string[];
}

/** Addresses of the exporting machine that must never appear in a mirror published under its own address. */
const LOCAL_ADDRESS = /localhost|127\.0\.0\.1|\[::1\]/;

export function isLocalAddress(baseUrl: string): boolean {
  return LOCAL_ADDRESS.test(baseUrl);
}

/**
 * The export's one-line warning when the public address it will write is this machine's own, saying
 * where that address came from (--base-url, BASE_URL or the default) and why that matters; undefined
 * when the address is a public one.
 */
export function localAddressWarning(baseUrl: string, given: { flag?: string; env?: string }): string | undefined {
  if (!isLocalAddress(baseUrl)) return undefined;
  const source =
    given.flag !== undefined ? `--base-url ${given.flag}` : given.env !== undefined ? `BASE_URL=${given.env} (no --base-url given)` : `no --base-url given and BASE_URL is not set, so the default ${baseUrl}`;
  return `warning: ${source} is an address of this machine: canonical links, the sitemap, printed sheets and QR codes will point to ${baseUrl}, which readers of a mirror cannot open. That is fine for a local test; for a mirror give its public address, e.g. --base-url https://mirror.example.org`;
}

/** The files that mention the exporting machine's own address. */
export function localAddressLeaks(files: ExportedFile[]): string[] {
  return files.filter((f) => LOCAL_ADDRESS.test(typeof f.body === 'string' ? f.body : f.body.toString('latin1'))).map((f) => f.file);
}

function assertUnique(files: ExportedFile[]): void {
  const seen = new Set<string>();
  for (const { file } of files) {
    if (seen.has(file)) throw new Error(`two documents would be written to ${file}`);
    seen.add(file);
  }
}

/**
 * Writes the whole site into `dir` as static files: every page of every language (with relative
 * links, so the folder works on any static host, under a sub-path and from disk), the 404 pages,
 * the assets, and sitemap.xml, robots.txt and the JSON API exactly as the server sends them.
 * The public address in canonical links, the sitemap and QR codes is site.config.baseUrl.
 */
export async function exportSite(site: Site, dir: string): Promise<ExportSummary> {
  const started = performance.now();
  const served = await servedFiles(site);
  const files = [...htmlFiles(site), ...assetFiles(site), ...served.files];
  assertUnique(files);
  if (!isLocalAddress(site.config.baseUrl)) {
    const leaks = localAddressLeaks(files);
    if (leaks.length > 0) throw new Error(`these files mention this machine's address instead of ${site.config.baseUrl}: ${leaks.join(', ')}`);
  }
  await prepareFolder(dir, topLevelNames(files));
  const bytes = await writeFiles(dir, files);
  return { dir, files: files.length, bytes, ms: performance.now() - started, missing: served.missing };
}
