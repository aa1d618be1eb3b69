import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { FetchPage } from '../crawl.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Reads the exported folder the way a browser opens it from disk (file://, e.g. from a USB
 * stick): an address is just a file below the folder; a missing file is a 404. Relative links
 * resolve the same way against file:// and http:// addresses, so the crawler's root-relative
 * paths stand for file:///.../folder/PATH.
 */
export function diskFetcher(root: string): FetchPage {
  return async (path) => {
    const rel = normalize(decodeURIComponent(path.split('?')[0] ?? ''));
    const file = join(root, rel);
    if (rel.split(sep).includes('..')) return { status: 404, type: '', body: '' };
    const body = await readFile(file, 'utf8').catch(() => undefined);
    if (body === undefined) return { status: 404, type: '', body: '' };
    return { status: 200, type: TYPES[extname(file)] ?? 'application/octet-stream', body };
  };
}

/**
 * The plainest static host: serves the files of `root` below `prefix` (e.g. "/mirror/"),
 * a folder's index.html for a folder address, and redirects a folder address without its
 * slash, like common static hosts. Nothing else: no rewrites, no fallbacks.
 */
export async function serveFolder(root: string, prefix = '/'): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const rel = path.startsWith(prefix) ? normalize(path.slice(prefix.length)) : undefined;
      if (rel === undefined || rel.startsWith('..') || rel.split(sep).includes('..')) {
        res.writeHead(404).end();
        return;
      }
      let file = join(root, rel);
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { Location: `${path}/` }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file).catch(() => undefined);
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
