import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { testConfig, type Config } from '../src/config.js';
import { loadContentOrThrow } from '../src/content/load.js';
import { DEFAULT_DIRS } from '../src/paths.js';
import { createSite, type Site } from '../src/site/site.js';
import { typeset } from '../src/site/typography.js';

const content = loadContentOrThrow();

/** The app on the real content, as the server builds it; tests never bind a port. */
export function makeApp(config: Partial<Config> = {}) {
  const site: Site = createSite(content, testConfig(config));
  const errors: unknown[] = [];
  return { app: createApp(site, (e) => errors.push(e)), site, errors };
}

export const LANGS = content.langCodes;

/** A text from the real locale files as the site writes it (in the language's typography), e.g. text('ru', 'ui', 'caveat.text'). */
export function text(lang: string, ns: string, key: string): string {
  return typeset(lang, writtenText(lang, ns, key));
}

/** A text from the real locale files exactly as written there. */
export function writtenText(lang: string, ns: string, key: string): string {
  const data = JSON.parse(readFileSync(join(DEFAULT_DIRS.locales, lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], data);
  if (typeof value !== 'string') throw new Error(`no text ${lang} ${ns}:${key}`);
  return value;
}

/** HTML escapes the way Handlebars writes them, to find a text in a page. */
export function escaped(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/`/g, '&#x60;').replace(/=/g, '&#x3D;');
}

/** A page with its printed addresses as plain text: the site keeps the characters next to a hyphen together in <span class="nb">. */
export function unwrapAddresses(html: string): string {
  return html.replace(/<span class="nb">([^<]*)<\/span>/g, '$1');
}
