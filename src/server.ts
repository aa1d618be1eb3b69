import { createApp } from './app.js';
import { loadConfig, publisherWarning } from './config.js';
import { loadContent } from './content/load.js';
import { formatProblem } from './content/problems.js';
import { DEFAULT_DIRS } from './paths.js';
import { join } from 'node:path';
import { limitedServer } from './http/listen.js';
import { createSite } from './site/site.js';

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
  const app = createApp(createSite(content, config));
  const server = limitedServer(app).listen(config.port, config.host, () => {
    console.log(`Listening on http://${config.host}:${config.port} (public address ${config.baseUrl})`);
  });
  server.on('error', (e) => {
    console.error(`The server cannot start: ${e.message}`);
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
