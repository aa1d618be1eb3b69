import { z } from 'zod';

const LogLevel = z.enum(['silent', 'error', 'info']);

/**
 * One setting's check: its value made plain, or why it cannot be used (the start then fails with one
 * line naming the setting). New settings add a line to `SETTINGS` below with one of these helpers.
 */
type Check<T> = (raw: string) => { value: T } | { error: string };

/** The longest public address accepted: every printed sheet's address and QR code must still fit. */
export const BASE_URL_MAX = 200;

/** A port: decimal digits only (no 0x…, 1e3 or spaces), 1 to 65535. */
export const portNumber: Check<number> = (raw) => {
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  return n >= 1 && n <= 65535 ? { value: n } : { error: 'must be a port number from 1 to 65535, in decimal digits only' };
};

/** An address to listen on: an IPv4 or IPv6 address or a host name, nothing else. */
export const listenHost: Check<string> = (raw) =>
  /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)$/i.test(raw)
    ? { value: raw }
    : { error: 'must be an IP address (0.0.0.0, 127.0.0.1, ::) or a host name' };

/** One of a few words. */
export const oneOf =
  <const T extends string>(words: readonly T[]): Check<T> =>
  (raw) =>
    (words as readonly string[]).includes(raw) ? { value: raw as T } : { error: `must be one of ${words.join(', ')}` };

/** Text that needs no check beyond not being empty. */
export const text: Check<string> = (raw) => (raw.length > 0 ? { value: raw } : { error: 'must not be empty' });

/** Text shown to readers as written: surrounding spaces dropped, not empty. */
export const plainText: Check<string> = (raw) => (raw.trim().length > 0 ? { value: raw.trim() } : { error: 'must not be empty' });

/** A name shown in tabs and previews: plain text (no < or >), at most 60 characters. */
export const plainTitle: Check<string> = (raw) => {
  const value = raw.trim();
  if (value.length === 0) return { error: 'must not be empty' };
  if (value.length > 60) return { error: 'must be at most 60 characters' };
  return /[<>]/.test(value) ? { error: 'must be plain text (no < or >)' } : { value };
};

/** An e-mail address. */
export const email: Check<string> = (raw) => (z.email().safeParse(raw).success ? { value: raw } : { error: 'must be an e-mail address' });

/**
 * The public address as an http(s) origin with an optional path, any letter case in the scheme and
 * host, no trailing slash; or why it cannot be one. It ends up in every canonical link, sitemap entry,
 * printed sheet and QR code, so only the characters of a plain address are accepted: letters, digits,
 * `-`, `.`, `_`, `~` in the host and path, an optional port, and at most BASE_URL_MAX characters.
 */
export function parseBaseUrl(raw: string): { url: string } | { error: string } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { error: 'must be a full http:// or https:// address, like https://example.org' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { error: 'must start with http:// or https://' };
  if (u.username || u.password || raw.includes('@')) return { error: 'must not contain a user name or password' };
  if (u.search || raw.includes('?')) return { error: 'must not contain a query (?…)' };
  if (u.hash || raw.includes('#')) return { error: 'must not contain a fragment (#…)' };
  const url = `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
  if (!/^https?:\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*$/.test(url)) {
    return { error: 'may only contain letters, digits, "-", ".", "_", "~" and "/" in its path (no spaces, quotes, %-escapes or other signs)' };
  }
  if (url.length > BASE_URL_MAX) return { error: `must be at most ${BASE_URL_MAX} characters long (printed addresses and QR codes must fit on a sheet)` };
  return { url };
}

export const baseUrl: Check<string> = (raw) => {
  const parsed = parseBaseUrl(raw);
  return 'url' in parsed ? { value: parsed.url } : parsed;
};

/** Addresses of this machine: a public site must never print them (QR codes, sheets, offline files). */
const LOCAL_ADDRESS = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)(:\d+)?(\/|$)/i;
export const isLoopbackAddress = (url: string) => LOCAL_ADDRESS.test(url);

/** The settings, each with its check; a missing or empty variable takes no value (its default applies). */
const SETTINGS = {
  PORT: portNumber,
  HOST: listenHost,
  BASE_URL: baseUrl,
  NODE_ENV: oneOf(['development', 'production', 'test']),
  LOG_LEVEL: oneOf(LogLevel.options),
  CONTACT_EMAIL: email,
  CONTENT_DIR: text,
  SITE_TITLE: plainTitle,
  PUBLISHER_NAME: plainText,
  PUBLISHER_ADDRESS: plainText,
  PUBLISHER_EMAIL: email,
} satisfies Record<string, Check<unknown>>;

type Settings = { [K in keyof typeof SETTINGS]?: (typeof SETTINGS)[K] extends Check<infer T> ? T : never };

/** Every setting's value, and one message per bad one: `NAME: why (got "value")`. */
function readSettings(env: NodeJS.ProcessEnv): { values: Settings; bad: string[] } {
  const values: Record<string, unknown> = {};
  const bad: string[] = [];
  for (const [name, check] of Object.entries(SETTINGS) as [string, Check<unknown>][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const result = check(raw);
    if ('error' in result) bad.push(`${name}: ${result.error} (got ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw)})`);
    else values[name] = result.value;
  }
  return { values: values as Settings, bad };
}

export interface Config {
  port: number;
  host: string;
  /** The public address, without a trailing slash; used in printed links, QR codes and sitemaps. */
  baseUrl: string;
  env: 'development' | 'production' | 'test';
  logLevel: z.infer<typeof LogLevel>;
  contactEmail?: string;
  /** Send Strict-Transport-Security: only when the public address is https. */
  hsts: boolean;
  /** A folder with rules/ and locales/ to serve instead of the project's own (for previews and tests). */
  contentDir?: string;
  /** The site's name in tabs, history and previews (og:site_name) in every language, instead of each language's neutral ui:site.title. */
  siteTitle?: string;
  /** Who publishes this copy (about page, /{lang}/imprint); without a name the pages say that no publisher is named. */
  publisher?: { name: string; address?: string; email?: string };
}

/** Reads the configuration from the environment; throws one line naming each bad variable and its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { values: e, bad } = readSettings(env);
  if (e.NODE_ENV === 'production' && bad.every((b) => !b.startsWith('BASE_URL'))) {
    if (e.BASE_URL === undefined) bad.push('BASE_URL: must be set in production (NODE_ENV=production): the public address, e.g. https://example.org, printed on sheets and in QR codes');
    else if (isLoopbackAddress(e.BASE_URL)) bad.push(`BASE_URL: must be the public address in production (NODE_ENV=production), not this machine's (got "${e.BASE_URL}")`);
  }
  if (bad.length > 0) throw new Error(`Invalid configuration: ${bad.join('; ')}`);
  const port = e.PORT ?? 3000;
  const url = e.BASE_URL ?? `http://localhost:${port}`;
  const env_ = e.NODE_ENV ?? 'development';
  return {
    port,
    host: e.HOST ?? '0.0.0.0',
    baseUrl: url,
    env: env_,
    logLevel: e.LOG_LEVEL ?? (env_ === 'test' ? 'silent' : 'info'),
    contactEmail: e.CONTACT_EMAIL,
    hsts: url.startsWith('https://'),
    contentDir: e.CONTENT_DIR,
    siteTitle: e.SITE_TITLE,
    publisher: e.PUBLISHER_NAME ? { name: e.PUBLISHER_NAME, address: e.PUBLISHER_ADDRESS, email: e.PUBLISHER_EMAIL } : undefined,
  };
}

/** The one line a production start prints when no publisher is named (a German operator must publish an imprint). */
export function publisherWarning(config: Pick<Config, 'env' | 'publisher'>): string | undefined {
  if (config.env !== 'production' || config.publisher) return undefined;
  return 'warning: PUBLISHER_NAME is not set: the imprint page (/{lang}/imprint) says that this copy names no publisher; set PUBLISHER_NAME, PUBLISHER_ADDRESS and PUBLISHER_EMAIL';
}

/** A configuration for tests and the export, with the same defaults as the server. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), ...overrides };
}
