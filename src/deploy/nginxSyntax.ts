import { join } from 'node:path';

/** What the nginx configurations of src/deploy/ share: quoting, blocks, logs and the run folder. */

/** A string in nginx's quotes (single ones if it holds double ones); refuses what nginx would read as a variable or an end of string. */
export function quoted(value: string): string {
  const quote = value.includes('"') ? "'" : '"';
  if (/[\\$\n\r]/.test(value) || value.includes(quote)) throw new Error(`cannot be written into an nginx configuration: ${JSON.stringify(value)}`);
  return `${quote}${value}${quote}`;
}

/** A block with its lines indented. */
export const block = (head: string, lines: string[]) => [`${head} {`, ...lines.map((l) => `  ${l}`), '}'];

/**
 * The access log: the fields the app logs (src/http/accessLog.ts: method, status, time; the route
 * kind has no nginx equivalent), never the address, path, query, referrer or user agent.
 */
export const ACCESS_LOG_FORMAT = `escape=json '{"method":"$request_method","status":$status,"seconds":$request_time}'`;

/**
 * Every file nginx writes, below one folder, so that any user can run the configuration: the pid
 * and the error log (`top`, outside http), the temporary folders (`http`). The error log only takes
 * nginx's own failures ("crit"): a client's 404, forbidden folder or refused request would be logged
 * with its address and request line.
 */
export function runFolderLines(runDir: string): { top: string[]; http: string[] } {
  const run = (name: string) => quoted(join(runDir, name));
  return {
    top: [`pid ${run('nginx.pid')};`, `error_log ${run('error.log')} crit;`],
    http: [`client_body_temp_path ${run('client_body')};`, `proxy_temp_path ${run('proxy')};`, `fastcgi_temp_path ${run('fastcgi')};`, `uwsgi_temp_path ${run('uwsgi')};`, `scgi_temp_path ${run('scgi')};`],
  };
}
