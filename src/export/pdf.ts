import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Debian's Chromium package: the export prints with the system browser, never a downloaded one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** No network, no background traffic: the browser only reads the files it is given. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type PdfResult = { written: string[] } | { skipped: string };

/**
 * Prints each language's offline edition of an export ({lang}/offline.html) to an A4 PDF beside it
 * ({lang}/offline.pdf), for messengers that preview PDFs better than HTML. Without Chromium (or
 * playwright-core) it says why in one line and prints nothing.
 */
export async function printOfflineEditions(dir: string, langs: string[]): Promise<PdfResult> {
  if (!existsSync(CHROMIUM_PATH)) return { skipped: `Chromium is not installed at ${CHROMIUM_PATH} (Debian: apt-get install -y chromium)` };
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return { skipped: 'playwright-core is not installed (npm ci installs it)' };
  }
  const browser = await playwright.chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const written: string[] = [];
    for (const lang of langs) {
      const page = await browser.newPage();
      try {
        await page.goto(pathToFileURL(join(dir, lang, 'offline.html')).href);
        const file = join(dir, lang, 'offline.pdf');
        await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, outline: true, tagged: true });
        written.push(file);
      } finally {
        await page.close();
      }
    }
    return { written };
  } finally {
    await browser.close();
  }
}
