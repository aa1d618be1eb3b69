import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ACCESS_LOG_FORMAT, block, quoted, runFolderLines } from './nginxSyntax.js';

/**
 * The reverse-proxy kit: nginx in front of the app (`npm start`), as README "In production"
 * recommends. Per-address limits on connections and requests, short client timeouts, and the app's
 * own answers passed through as they are (security, cache and compression headers, bodies): nginx
 * adds nothing to them. Its own answers (429 when an address goes over a limit, 502/504 when the app
 * is not there) carry the app's security headers. The same logs as the mirror kit: method, status and
 * time only. Written by `npm run proxy -- --out FILE`; a whole nginx.conf any user can run:
 *   nginx -p RUN_DIR -c /abs/proxy.nginx.conf -g 'daemon off;'
 */
export interface ProxyOptions {
  /** What nginx listens on: a port ("8080") or address and port ("127.0.0.1:8080"). */
  listen: string;
  /** Where the app listens (its HOST and PORT): "127.0.0.1:3000". */
  upstream: string;
  /** The folder (absolute) for the pid file, the logs and nginx's temporary files. */
  runDir: string;
  /** The security headers (securityHeaders(config)), for nginx's own answers only. */
  headers: [string, string][];
  /** Connections at once from one address (a page is one or two; browsers open up to six; many readers may share an address behind a carrier's NAT). */
  connectionsPerAddress?: number;
  /** Requests per second from one address, and how many more may come at once. */
  requestsPerSecond?: number;
  burst?: number;
  workers?: number | 'auto';
}

export const PROXY_DEFAULTS = { connectionsPerAddress: 32, requestsPerSecond: 20, burst: 100 };

const ADDRESS = /^(\d{1,5}|[\w.-]+:\d{1,5}|\[[0-9a-f:]+\]:\d{1,5})$/i;

/** The reverse-proxy nginx configuration; see the top of this file. */
export function proxyConfig(o: ProxyOptions): string {
  if (!isAbsolute(o.runDir)) throw new Error('the run folder must be an absolute path');
  for (const [name, value] of [['listen', o.listen], ['upstream', o.upstream]] as const) {
    if (!ADDRESS.test(value)) throw new Error(`not an address for ${name}: ${value} (give a port, or address:port)`);
  }
  if (!/:\d+$/.test(o.upstream)) throw new Error(`the app's address needs its port: ${o.upstream}`);
  const limits = { ...PROXY_DEFAULTS, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) } as Required<ProxyOptions>;
  for (const [name, n] of [['connectionsPerAddress', limits.connectionsPerAddress], ['requestsPerSecond', limits.requestsPerSecond], ['burst', limits.burst]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1 (got ${n})`);
  }
  const run = runFolderLines(o.runDir);
  const own = [...o.headers.map(([name, value]) => `add_header ${name} ${quoted(value)} always;`), 'add_header Cache-Control "no-store" always;', 'default_type "text/plain; charset=utf-8";'];
  const server = [
    `listen ${o.listen};`,
    'server_name _;',
    'server_tokens off;',
    '# logs: method, status and time only (as the app); the error log only for nginx\'s own failures',
    `access_log ${quoted(join(o.runDir, 'access.log'))} proxy;`,
    `error_log ${quoted(join(o.runDir, 'error.log'))} crit;`,
    'log_not_found off;',
    '',
    '# a client must send its request head within 5 s; idle connections close after 15 s',
    'client_header_timeout 5s;',
    'client_body_timeout 5s;',
    'send_timeout 20s;',
    'keepalive_timeout 15s;',
    'client_max_body_size 1k;',
    'large_client_header_buffers 4 16k;',
    '',
    '# per address: connections with a request in progress, and requests per second (with a burst: a page and its stylesheet come together)',
    `limit_conn per_address ${limits.connectionsPerAddress};`,
    `limit_req zone=per_address_requests burst=${limits.burst} nodelay;`,
    'limit_conn_status 429;',
    'limit_req_status 429;',
    '',
    "# nginx's own answers: short, plain text, with the app's security headers",
    'error_page 429 @too_many;',
    'error_page 502 503 504 @unavailable;',
    ...block('location @too_many', [...own, 'add_header Retry-After "5" always;', 'return 429 "Too many requests from your address. Please wait a few seconds.\\n";']),
    ...block('location @unavailable', [...own, 'add_header Retry-After "5" always;', 'return 503 "The site is restarting or busy. Please try again in a minute.\\n";']),
    '',
    '# everything else is the app\'s answer, passed through as it is (headers, gzip bodies); no client address is forwarded',
    ...block('location /', [
      'proxy_pass http://app;',
      'proxy_http_version 1.1;',
      'proxy_set_header Connection "";',
      'proxy_set_header Host $host;',
      'proxy_connect_timeout 5s;',
      'proxy_send_timeout 20s;',
      'proxy_read_timeout 20s;',
      'proxy_intercept_errors off;',
      'gzip off;',
    ]),
  ];
  const http = [
    ...run.http,
    '',
    'sendfile on;',
    'tcp_nodelay on;',
    '',
    '# Production: the blocks below also work as they are in /etc/nginx/conf.d/proxy.conf',
    `log_format proxy ${ACCESS_LOG_FORMAT};`,
    'limit_conn_zone $binary_remote_addr zone=per_address:10m;',
    `limit_req_zone $binary_remote_addr zone=per_address_requests:10m rate=${limits.requestsPerSecond}r/s;`,
    ...block('upstream app', [`server ${o.upstream};`, 'keepalive 32;']),
    '',
    ...block('server', server),
  ];
  return [
    '# nginx in front of the app (npm start), written by',
    '#   npm run proxy -- --out FILE',
    `# Run it as any user: nginx -p ${o.runDir} -c FILE -g 'daemon off;'`,
    '# In production (README, "In production"): listen 443 ssl with a certificate, server_name, and when nginx',
    '# starts as root "user www-data;", the pid and logs under /run and /var/log/nginx.',
    '',
    `worker_processes ${o.workers ?? 'auto'};`,
    ...run.top,
    '',
    ...block('events', ['worker_connections 4096;']),
    '',
    ...block('http', http),
    '',
  ].join('\n');
}

/** Writes the configuration file and creates its run folder. */
export async function writeProxyKit(options: Omit<ProxyOptions, 'runDir'> & { file: string; runDir?: string }): Promise<{ file: string; runDir: string }> {
  const file = resolve(options.file);
  const runDir = resolve(options.runDir ?? join(dirname(file), 'nginx-run'));
  const text = proxyConfig({ ...options, runDir });
  await mkdir(runDir, { recursive: true });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return { file, runDir };
}
