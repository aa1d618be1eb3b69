import type { AddressInfo } from 'node:net';
import { createApp } from '../app.js';
import type { Site } from '../site/site.js';
import type { ExportedFile } from './documents.js';
import { documentPaths } from '../http/seo.js';

/** The JSON API's first address; every other API address is found by following its links. */
export const API_ROOT = '/api/v1/';
/** More API documents than this means the links go round in circles: stop rather than run forever. */
const MAX_API_DOCUMENTS = 5000;

/**
 * The file an API address is written to, so that static hosts send it as JSON. A static host
 * cannot answer a query, so each language of a localized document gets its own file:
 * /api/v1/ → api/v1/index.json, /api/v1/positions → api/v1/positions.json,
 * /api/v1/positions?lang=ru → api/v1/positions.ru.json, /api/v1/positions/ → api/v1/positions/index.json;
 * an address with an extension keeps it (the language goes before it).
 */
export function apiFile(address: string): string {
  const url = new URL(address, 'http://export.invalid');
  const names = [...url.searchParams.keys()];
  const lang = url.searchParams.get('lang') ?? '';
  if (names.some((n) => n !== 'lang') || names.length > 1 || (names.length === 1 && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang))) {
    throw new Error(`${address} cannot be a static file: only one ?lang= with a language code is supported`);
  }
  const path = decodeURIComponent(url.pathname).replace(/^\//, '');
  const [, stem = path, ext = '.json'] = /^(.*?)(\.[a-z0-9]+)?$/i.exec(path.endsWith('/') || path === '' ? `${path}index` : path) ?? [];
  return `${stem}${lang ? `.${lang}` : ''}${ext}`;
}

type Get = (path: string) => Promise<Response>;

/**
 * Runs `use` with a way to request documents from the real application, listening on a
 * loopback port only for as long as `use` runs: the export then always matches the server.
 */
export async function withApp<T>(site: Site, use: (get: Get) => Promise<T>): Promise<T> {
  const app = createApp(site, (e) => console.error(e));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const get: Get = (path) =>
    fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual', headers: { 'Accept-Language': site.content.sourceLang } });
  try {
    return await use(get);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The API addresses (path and query) a JSON document links to, written either as paths or as full addresses on the public address. */
export function apiLinks(json: unknown, baseUrl: string): string[] {
  const found: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      const address = v.startsWith(baseUrl) ? v.slice(baseUrl.length) : v;
      if (address.startsWith(API_ROOT)) found.push(address.split('#')[0] ?? address);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(json);
  return found;
}

export interface Served {
  files: ExportedFile[];
  /** Documents the server does not offer (yet), so the export could not include them. */
  missing: string[];
}

/** sitemap.xml, robots.txt, the feeds and every document of the JSON API, as the server sends them. */
export async function servedFiles(site: Site): Promise<Served> {
  const files: ExportedFile[] = [];
  const missing: string[] = [];
  await withApp(site, async (get) => {
    for (const path of documentPaths(site)) {
      const res = await get(path);
      if (res.status === 200) files.push({ file: path.slice(1), body: Buffer.from(await res.arrayBuffer()) });
      else missing.push(`${path} (the server answers ${res.status})`);
    }
    const queue = [API_ROOT];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const address = queue.shift() as string;
      const res = await get(address);
      if (res.status !== 200 || !/json/.test(res.headers.get('content-type') ?? '')) {
        missing.push(`${address} (the server answers ${res.status} ${res.headers.get('content-type') ?? ''})`.trim());
        continue;
      }
      const body = Buffer.from(await res.arrayBuffer());
      files.push({ file: apiFile(address), body });
      for (const link of apiLinks(JSON.parse(body.toString('utf8')), site.config.baseUrl)) {
        if (seen.has(link)) continue;
        if (seen.size >= MAX_API_DOCUMENTS) throw new Error(`the API links to more than ${MAX_API_DOCUMENTS} documents; stopping`);
        seen.add(link);
        queue.push(link);
      }
    }
  });
  return { files, missing };
}
