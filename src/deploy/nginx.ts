import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback, constants } from 'node:zlib';
import type { Config } from '../config.js';
import { securityHeaders } from '../http/security.js';
import { PRIVATE_ADDRESS, exportFile } from '../site/urls.js';
import { ACCESS_LOG_FORMAT, block, quoted, runFolderLines } from './nginxSyntax.js';

/**
 * The mirror kit: an nginx configuration that serves a static export (src/export/) the way the app
 * serves the site: the app's own security headers on every answer (errors too), precompressed gzip
 * files, a year's cache for the hashed assets and five minutes for pages, the "page not found" page
 * in the path's language with status 404, no directory listings, the API documents under their
 * server addresses. Written by `npm run export -- --out DIR --nginx FILE`.
 *
 * The configuration is a whole nginx.conf that any user can run: every file nginx writes (pid, logs,
 * temporary files) is below one folder (`runDir`), e.g.
 *   nginx -p RUN_DIR -c /abs/mirror.nginx.conf -g 'daemon off;'
 */

const gzip = promisify(gzipCallback);

/** The files that are sent compressed: every text file of the export gets a .gz twin. */
export const TEXT_EXTENSIONS = ['html', 'css', 'xml', 'json', 'txt', 'svg'];

/** Cache lifetimes, as the app sends them (src/http/send.ts, src/http/assets.ts). */
export const CACHE = {
  page: 'public, max-age=300',
  /** Pages that show a reader's answers, and redirects to them (PRIVATE_ADDRESS in src/site/urls.ts). */
  private: 'private, no-store',
  asset: 'public, max-age=31536000, immutable',
  icon: 'public, max-age=86400',
  error: 'no-store',
};

/** Punctuation that chat apps stick to the end of a link, as src/http/pages.ts forgives it (the quotes and » ” ’ as bytes). */
const TRAILING_PUNCTUATION = '(?:[.,;:!?)\\]}>\\x27\\x22]|\\xC2\\xBB|\\xE2\\x80\\x9D|\\xE2\\x80\\x99)+';

export interface NginxOptions {
  /** The export folder (absolute). */
  root: string;
  /** What nginx listens on: a port ("8080") or address and port ("127.0.0.1:8080"). */
  listen: string;
  /** The folder (absolute) for the pid file, the logs and nginx's temporary files. */
  runDir: string;
  /** The site's languages; the first is the source language (the root 404 page is in it). */
  langs: string[];
  /** The security headers, from securityHeaders(config): the same list as the app. */
  headers: [string, string][];
  /** nginx's worker_processes: "auto" (one per core) unless given. */
  workers?: number | 'auto';
  /** The public address the export was made for (only named in a comment). */
  baseUrl?: string;
  /** Documents sent with other headers than the rest, as the app sends them (the offline editions: a download, their own stylesheet). */
  documents?: { path: string; headers: [string, string][] }[];
  /** The site's page addresses (as the server has them): a pasted variant of one (capitals, doubled slashes, punctuation at the end) is redirected to it. */
  pages?: string[];
  /** The icon's file in the export (e.g. /assets/favicon.1a2b3c4d.svg), sent for /favicon.ico as the app does. */
  favicon?: string;
}

/** The name of the nginx variable that holds a header's value per address. */
const headerVariable = (name: string) => `$mirror_header_${name.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** The nginx configuration for an export; see the top of this file. */
export function nginxConfig(o: NginxOptions): string {
  if (!isAbsolute(o.root) || !isAbsolute(o.runDir)) throw new Error('the export folder and the run folder must be absolute paths');
  if (!/^(\d{1,5}|[\w.-]+:\d{1,5}|\[[0-9a-f:]+\]:\d{1,5})$/i.test(o.listen)) throw new Error(`not an address nginx can listen on: ${o.listen} (give a port, or address:port)`);
  const bad = o.langs.filter((l) => !LANG.test(l));
  if (bad.length > 0 || o.langs.length === 0) throw new Error(`not a language code: ${bad.join(', ')}`);
  const run = (name: string) => quoted(join(o.runDir, name));
  const notFound = (page: string) => [`error_page 404 ${page};`, `error_page 403 =404 ${page};`];
  const [sourceLang = 'en'] = o.langs;
  // the .gz twins are for gzip_static only: by their own name they are a 404 (in the address's language)
  const noGzNames = block('location ~ \\.gz$', ['internal;']);
  if (o.favicon !== undefined && !/^\/[\w./-]+$/.test(o.favicon)) throw new Error(`not a file address: ${o.favicon}`);
  const pageTargets = new Map<string, string>();
  for (const page of o.pages ?? []) {
    if (!/^\/[a-z0-9/._-]*$/.test(page)) throw new Error(`not a page address nginx can match: ${page}`);
    const file = exportFile(page);
    const folder = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const bare = page.replace(/\/+$/, '');
    for (const key of [bare, `${bare}/`]) if (key !== '/' && key !== '') pageTargets.set(key, folder);
  }
  const langs = o.langs.join('|');
  // header name → the documents that send it otherwise, with their value
  const perDocument = new Map<string, [string, string][]>();
  for (const doc of o.documents ?? []) {
    if (!/^\/[\w./-]+$/.test(doc.path)) throw new Error(`not a document address nginx can match: ${doc.path}`);
    for (const [name, value] of doc.headers) perDocument.set(name, [...(perDocument.get(name) ?? []), [doc.path, value]]);
    // a pasted document address (without ".html", with a slash after it, in capitals) leads to it, as in the app
    const bare = doc.path.replace(/\.html$/, '');
    for (const key of [doc.path, `${doc.path}/`, bare, `${bare}/`, `${bare}.htm`]) pageTargets.set(key, doc.path);
  }

  // Every header is set once, at the server level: nginx drops the add_header lines of the levels
  // above as soon as a location has one of its own, so no location has any. What differs by
  // address (cache, language) comes from the maps below, looked up after any internal redirect.
  const server = [
    `listen ${o.listen};`,
    'server_name _;',
    `root ${quoted(o.root)};`,
    'index index.html;',
    'autoindex off;',
    // a folder address without its slash gets a relative redirect (/ru/about → /ru/about/), right behind any proxy or port
    'absolute_redirect off;',
    'etag on;',
    'server_tokens off;',
    '# logs: what the app logs and nothing more (no address, path, query or user agent); the error log only for',
    '# failures of nginx itself (a client\'s 404 or forbidden folder would name its address and request line)',
    `access_log ${run('access.log')} mirror;`,
    `error_log ${run('error.log')} crit;`,
    'log_not_found off;',
    'keepalive_timeout 15s;',
    'client_header_timeout 10s;',
    'client_body_timeout 10s;',
    'send_timeout 30s;',
    'client_max_body_size 1k;',
    // nginx merges doubled slashes for its own lookup; the address itself is redirected below
    'merge_slashes on;',
    '',
    '# a pasted variant of a page\'s address (capitals, doubled slashes, punctuation at the end) answers 301 to it, as the app',
    ...block('if ($mirror_redirect)', ['return 301 $mirror_redirect;']),
    '',
    ...block('types', [
      'text/html html;',
      'text/css css;',
      'application/xml xml;',
      'application/json json;',
      'text/plain txt;',
      'image/svg+xml svg;',
      'image/png png;',
      'image/x-icon ico;',
      'image/webp webp;',
      'font/woff2 woff2;',
    ]),
    'default_type application/octet-stream;',
    'charset utf-8;',
    'charset_types text/css text/plain application/xml application/json application/atom+xml image/svg+xml;',
    '',
    '# every text file has a .gz twin, made by the export: sent as it is to clients that accept gzip',
    'gzip off;',
    'gzip_static on;',
    'gzip_vary on;',
    '',
    '# the security headers of the app (src/http/security.ts), on every answer, errors included;',
    '# those that some documents send otherwise come from the maps below (an empty value sends none)',
    ...o.headers.map(([name, value]) => `add_header ${name} ${perDocument.has(name) ? headerVariable(name) : quoted(value)} always;`),
    ...[...perDocument.keys()].filter((name) => !o.headers.some(([n]) => n === name)).map((name) => `add_header ${name} ${headerVariable(name)} always;`),
    'add_header Cache-Control $mirror_cache always;',
    'add_header Content-Language $mirror_lang always;',
    '',
    '# "page not found" (and a folder without index.html) answers 404 with the page in the address\'s language',
    ...notFound('/404.html'),
    ...o.langs.flatMap((lang) => block(`location /${lang}/`, [...notFound(`/${lang}/404.html`), ...noGzNames])),
    '',
    ...noGzNames,
    '',
    '# the server\'s own addresses that are no file of the export',
    ...(o.favicon ? block('location = /favicon.ico', ['types { }', 'default_type image/svg+xml;', 'charset off;', `alias ${quoted(join(o.root, o.favicon))};`]) : []),
    ...block('location = /healthz', ['types { }', 'default_type text/plain;', 'return 200 "ok";']),
    '',
    '# the Atom feeds',
    ...block(`location ~ ^/(${langs})/updates\\.xml$`, ['types { }', 'default_type application/atom+xml;']),
    '',
    '# the JSON API under its server addresses: /api/v1/positions?lang=ru is the file api/v1/positions.ru.json',
    ...block('location /api/', ['try_files $uri$mirror_api_lang.json ${uri}index$mirror_api_lang.json $uri =404;']),
  ];

  const privatePattern = PRIVATE_ADDRESS.source.replace(/^\^/, '');
  const maps = [
    '# a year for the hashed assets and five minutes for pages and documents, as the app; errors are not kept;',
    '# pages that show a reader\'s answers, and redirects to them, are kept by no cache (as the app)',
    '# (looked up as "status:redirect target:address"; a redirect is cached as its target is)',
    ...block('map "$status:$mirror_redirect:$uri" $mirror_cache', [
      `default ${quoted(CACHE.error)};`,
      `"~^(200|206|304)::/assets/" ${quoted(CACHE.asset)};`,
      `"~^(200|304)::/favicon\\.ico$" ${quoted(CACHE.icon)};`,
      `"~^200::/healthz$" ${quoted(CACHE.error)};`,
      `"~*^301:/[^/]+/check/:" ${quoted(CACHE.page)};`,
      `"~*^301:${privatePattern}" ${quoted(CACHE.private)};`,
      `"~^301:/" ${quoted(CACHE.page)};`,
      // (a finder's first question, /{lang}/check/, is its folder's index.html here: an ordinary page, as its redirects above)
      `"~*^(200|206|301|304)::/[^/]+/check/index\\.html$" ${quoted(CACHE.page)};`,
      `"~*^(200|206|301|304)::${privatePattern}" ${quoted(CACHE.private)};`,
      `"~^(200|206|301|304):" ${quoted(CACHE.page)};`,
    ]),
    '',
    '# pasted addresses: punctuation at the end taken off, then the page it names (map keys match in any letter case;',
    '# $uri has its doubled slashes merged), then a redirect unless the request already asked for exactly that address',
    ...block('map $uri $mirror_plain_uri', ['default $uri;', `"~^(?<mirror_stripped>/.*?)${TRAILING_PUNCTUATION}$" $mirror_stripped;`]),
    ...block('map $mirror_plain_uri $mirror_page', ['default "";', ...[...pageTargets].map(([from, to]) => `${quoted(from)} ${quoted(to)};`)]),
    ...block('map "$mirror_page $request_uri" $mirror_redirect', ['default "";', '"~^ " "";', '"~^(?<mirror_same>\\S+) \\k<mirror_same>(\\?.*)?$" "";', '"~^(?<mirror_to>\\S+) " $mirror_to;']),
    ...block('map $uri $mirror_lang', ['default "";', `~^/(?<lang>${langs})/ $lang;`, `/404.html ${sourceLang};`, `/index.html ${sourceLang};`]),
    ...block('map $arg_lang $mirror_api_lang', ['default "";', '"~^(?<code>[a-z]{2,3}(-[A-Za-z0-9]{2,8})?)$" .$code;']),
    ...[...perDocument].flatMap(([name, docs]) => [
      `# ${name} of the documents that send their own`,
      ...block(`map $uri ${headerVariable(name)}`, [`default ${quoted(o.headers.find(([n]) => n === name)?.[1] ?? '')};`, ...docs.map(([path, value]) => `${quoted(path)} ${quoted(value)};`)]),
    ]),
  ];

  const http = [
    ...runFolderLines(o.runDir).http,
    '',
    'sendfile on;',
    'tcp_nopush on;',
    '',
    '# Production: the maps and the server block below also work as they are in /etc/nginx/conf.d/mirror.conf',
    `log_format mirror ${ACCESS_LOG_FORMAT};`,
    '# the page addresses of the map below are long',
    'map_hash_bucket_size 256;',
    'map_hash_max_size 16384;',
    ...maps,
    '',
    ...block('server', server),
  ];

  return [
    '# nginx configuration for a static export of the site, written by',
    '#   npm run export -- --out DIR --nginx FILE',
    `# Export: ${o.root}${o.baseUrl ? ` (public address ${o.baseUrl})` : ''}`,
    `# Run it as any user: nginx -p ${o.runDir} -c FILE -g 'daemon off;'`,
    '# In production (README, "Mirror kit: nginx"): listen 80 / 443 with TLS, server_name, the log and',
    '# pid paths under /var/log/nginx and /run, and "user www-data;" when nginx is started as root.',
    '',
    `worker_processes ${o.workers ?? 'auto'};`,
    ...runFolderLines(o.runDir).top,
    '',
    ...block('events', ['worker_connections 1024;']),
    '',
    ...block('http', http),
    '',
  ].join('\n');
}

/** Every file below a folder, as absolute paths. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const TEXT = new RegExp(`\\.(${TEXT_EXTENSIONS.join('|')})$`, 'i');

/**
 * Writes FILE.gz next to every text file of an export (best compression, done once), for nginx's
 * gzip_static. Returns how many were written and their bytes.
 */
export async function writePrecompressed(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const file of (await filesBelow(dir)).filter((f) => TEXT.test(f))) {
    const packed = await gzip(await readFile(file), { level: constants.Z_BEST_COMPRESSION });
    await writeFile(`${file}.gz`, packed);
    files++;
    bytes += packed.length;
  }
  return { files, bytes };
}

/**
 * Removes the .gz twins at the top of a previous export (index.html.gz, sitemap.xml.gz, ...), so
 * that exporting again into the same folder recognises it as an export. Only in a folder holding
 * our root page, and only FILE.gz where FILE is there too.
 */
export async function removePrecompressed(dir: string): Promise<void> {
  const index = await readFile(join(dir, 'index.html'), 'utf8').catch(() => '');
  if (!index.includes('id="caveat"')) return;
  const names = new Set(await readdir(dir));
  for (const name of names) {
    if (name.endsWith('.gz') && TEXT.test(name.slice(0, -3)) && names.has(name.slice(0, -3))) await rm(join(dir, name));
  }
}

/** What the kit takes from the site: its languages, documents with their own headers, page addresses and icon. */
export type MirrorSite = Pick<NginxOptions, 'langs' | 'documents' | 'pages' | 'favicon'>;

export interface NginxKit {
  /** The configuration file written. */
  file: string;
  runDir: string;
  /** The .gz twins written into the export. */
  precompressed: { files: number; bytes: number };
}

/**
 * The whole kit for an export in `root`: the .gz twins, the run folder and the configuration file,
 * with the security headers the app sends for this configuration (HSTS only for an https address).
 */
export async function writeNginxKit(
  config: Pick<Config, 'hsts' | 'baseUrl'>,
  root: string,
  options: { file: string; listen: string; runDir?: string; workers?: number | 'auto' } & MirrorSite,
): Promise<NginxKit> {
  const file = resolve(options.file);
  const runDir = resolve(options.runDir ?? join(dirname(file), 'nginx-run'));
  const text = nginxConfig({ root: resolve(root), listen: options.listen, runDir, langs: options.langs, headers: securityHeaders(config), workers: options.workers, baseUrl: config.baseUrl, documents: options.documents, pages: options.pages, favicon: options.favicon });
  const precompressed = await writePrecompressed(root);
  await mkdir(runDir, { recursive: true });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return { file, runDir, precompressed };
}

/** The nginx program: on the PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  return dirs.map((d) => join(d, 'nginx')).find((p) => existsSync(p));
}

/** The arguments that run a kit's configuration in the foreground. */
export function nginxArgs(kit: Pick<NginxKit, 'file' | 'runDir'>): string[] {
  return ['-p', kit.runDir, '-c', kit.file, '-g', 'daemon off;'];
}
