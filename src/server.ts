import { createApp } from './app.js';
import { loadConfig, publisherWarning } from './config.js';
import { loadContent } from './content/load.js';
import { formatProblem } from './content/problems.js';
import { DEFAULT_DIRS } from './paths.js';
import { join } from 'node:path';
import { DEFAULT_LIMITS, limitedServer } from './http/listen.js';
import { securityHeaders } from './http/security.js';
import { longestSheetAddress } from './site/pages/sheets.js';
import { createSite } from './site/site.js';

/** Why the server could not listen, naming the setting to change. */
function listenError(e: NodeJS.ErrnoException, host: string, port: number): string {
  if (e.code === 'EADDRINUSE') return `PORT ${port} is in use by another program on HOST ${host}: choose another PORT`;
  if (e.code === 'EACCES') return `PORT ${port} needs privileges on this system: choose a PORT above 1023, or a reverse proxy`;
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `HOST ${host} is not an address of this machine: use 0.0.0.0, 127.0.0.1 or one of its own addresses`;
  return `HOST ${host}, PORT ${port}: ${e.message}`;
}

/** Starts the server: refuses to start on a bad configuration or invalid content. */
function main(): void {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const noPublisher = publisherWarning(config);
  if (noPublisher) console.warn(noPublisher);
  const dirs = config.contentDir ? { rules: join(config.contentDir, 'rules'), locales: join(config.contentDir, 'locales') } : DEFAULT_DIRS;
  const { content, problems } = loadContent(dirs);
  if (!content) {
    console.error(`The server cannot start: the content has ${problems.length} problem(s). Run npm run check for the same list.`);
    for (const p of problems) console.error(formatProblem(p));
    process.exit(1);
  }
  const site = createSite(content, config);
  try {
    longestSheetAddress(site);
  } catch (e) {
    console.error(`The server cannot start: BASE_URL ${config.baseUrl} cannot make the printed sheets: ${(e as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
  const app = createApp(site);
  const server = limitedServer(app, DEFAULT_LIMITS, securityHeaders(config)).listen(config.port, config.host, () => {
    console.log(`Listening on http://${config.host}:${config.port} (public address ${config.baseUrl})`);
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    console.error(`The server cannot start: ${listenError(e, config.host, config.port)}`);
    process.exit(1);
  });
  const stop = () => {
    console.log('Stopping: finishing requests in flight');
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
