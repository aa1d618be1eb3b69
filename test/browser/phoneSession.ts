import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from './chromium.js';
import { startServer, type RunningServer } from './server.js';

export interface PhoneSession {
  server: RunningServer;
  browser: Chromium;
  page: Page;
}

/** For one test file: the app on a free port and one Chromium page at the given screen size, both closed after the file. */
export function phoneSession(screen: { width: number; height: number }): PhoneSession {
  const session = {} as PhoneSession;
  beforeAll(async () => {
    session.server = await startServer();
    session.browser = await launchChromium();
    session.page = await session.browser.newPage();
    await session.page.setViewportSize(screen);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
