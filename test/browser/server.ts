import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import { loadContentOrThrow } from '../../src/content/load.js';
import { createSite, type Site } from '../../src/site/site.js';

export interface RunningServer {
  /** Where the server listens, e.g. http://127.0.0.1:40123 (no trailing slash). */
  baseUrl: string;
  site: Site;
  close(): Promise<void>;
}

/**
 * Serves the site on an ephemeral loopback port, for tests in a real browser. Unless the test
 * sets another, the public address (BASE_URL: printed links, QR codes) is the server's own,
 * so every printed address can be opened.
 */
export async function startServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const site = createSite(loadContentOrThrow(), testConfig({ baseUrl, host: '127.0.0.1', port, ...overrides }));
  server.on('request', createApp(site));
  return {
    baseUrl,
    site,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
