import { z } from 'zod';

const LogLevel = z.enum(['silent', 'error', 'info']);

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be a full http:// or https:// address, like https://example.org' })
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: LogLevel.optional(),
  CONTACT_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
  CONTENT_DIR: z.string().min(1).optional(),
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
}

/** Reads the configuration from the environment; throws a message naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Env.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got "${String(env[String(i.path[0])])}")`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    contactEmail: e.CONTACT_EMAIL,
    hsts: baseUrl.startsWith('https://'),
    contentDir: e.CONTENT_DIR,
  };
}

/** A configuration for tests and the export, with the same defaults as the server. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), ...overrides };
}
