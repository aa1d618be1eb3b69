import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { PROXY_DEFAULTS, writeProxyKit } from '../deploy/proxy.js';
import { securityHeaders } from '../http/security.js';

const USAGE = `usage: npm run proxy -- --out FILE [--listen 8080] [--upstream 127.0.0.1:3000] [--run DIR] [--connections ${PROXY_DEFAULTS.connectionsPerAddress}] [--rate ${PROXY_DEFAULTS.requestsPerSecond}] [--burst ${PROXY_DEFAULTS.burst}]`;

/**
 * npm run proxy -- --out FILE: the reverse-proxy kit (src/deploy/proxy.ts), nginx in front of the app.
 * The security headers of nginx's own answers follow BASE_URL as the app's do (HSTS for https).
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        listen: { type: 'string', default: '8080' },
        upstream: { type: 'string', default: '127.0.0.1:3000' },
        run: { type: 'string' },
        connections: { type: 'string' },
        rate: { type: 'string' },
        burst: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`proxy: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args.out) {
    console.error(`proxy: --out FILE is required\n${USAGE}`);
    return 2;
  }
  const whole = (name: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    if (!/^\d{1,6}$/.test(raw)) throw new Error(`--${name} must be a whole number (got "${raw}")`);
    return Number(raw);
  };
  try {
    const config = loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent' });
    const kit = await writeProxyKit({
      file: args.out,
      runDir: args.run,
      listen: args.listen,
      upstream: args.upstream,
      headers: securityHeaders(config),
      connectionsPerAddress: whole('connections', args.connections),
      requestsPerSecond: whole('rate', args.rate),
      burst: whole('burst', args.burst),
    });
    console.log(`proxy: configuration written to ${kit.file}: nginx on ${args.listen} in front of the app on ${args.upstream}`);
    console.log(`  run it: nginx -p ${kit.runDir} -c ${kit.file} -g 'daemon off;'   (pid, logs and temporary files in ${kit.runDir})`);
    return 0;
  } catch (e) {
    console.error(`proxy: ${(e as Error).message}`);
    return 2;
  }
}

process.exitCode = await main();
