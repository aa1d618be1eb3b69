import { z } from 'zod';

const LogLevel = z.enum(['silent', 'error', 'info']);

const Env = z.object({
  PORT: z.coerce.number({ error: 'must be a port number from 1 to 65535' }).int({ error: 'must be a port number from 1 to 65535' }).min(1, { error: 'must be a port number from 1 to 65535' }).max(65535, { error: 'must be a port number from 1 to 65535' }).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.string().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: LogLevel.optional(),
  CONTACT_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
  CONTENT_DIR: z.string().min(1).optional(),
  PUBLISHER_NAME: z.string().trim().min(1).optional(),
  PUBLISHER_ADDRESS: z.string().trim().min(1).optional(),
  PUBLISHER_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
});

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
  /** Who publishes this copy (about page, /{lang}/imprint); without a name the pages say that no publisher is named. */
  publisher?: { name: string; address?: string; email?: string };
}

/**
 * The public address as an http(s) origin with an optional path, any letter case in the scheme and
 * host, no trailing slash; or why it cannot be one. Credentials, a query or a fragment would end up
 * in every canonical link, sitemap entry and QR code, so they are refused.
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
  return { url: `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}` };
}

/** Reads the configuration from the environment; throws one line naming each bad variable and its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Env.safeParse(env);
  const bad = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got "${String(env[String(i.path[0])])}")`);
  const base = env.BASE_URL === undefined || env.BASE_URL === '' ? undefined : parseBaseUrl(env.BASE_URL);
  if (base && 'error' in base) bad.push(`BASE_URL: ${base.error} (got "${env.BASE_URL}")`);
  if (!result.success || bad.length > 0) throw new Error(`Invalid configuration: ${bad.join('; ')}`);
  const e = result.data;
  const baseUrl = base && 'url' in base ? base.url : `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    contactEmail: e.CONTACT_EMAIL,
    hsts: baseUrl.startsWith('https://'),
    contentDir: e.CONTENT_DIR,
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
