import autocannon from 'autocannon';

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** Keeps the benchmark honest: every request asks for gzip, as browsers do. */
export const GZIP = { 'accept-encoding': 'gzip' };

/** Load on one server for a while (seconds) or for a number of requests, cycling through paths; latencies in ms. */
export async function load(base: string, paths: string[], limit: { seconds: number } | { amount: number }, connections = 10): Promise<Load> {
  // One path: autocannon builds the request once. Several: each connection cycles through them.
  const target = paths.length === 1 ? { url: `${base}${paths[0]}` } : { url: base, requests: paths.map((path) => ({ method: 'GET' as const, path })) };
  const result = await autocannon({
    ...target,
    connections,
    headers: GZIP,
    // "[<id>]" in a path becomes a fresh random id on every request (to show nothing grows per address)
    idReplacement: paths.some((p) => p.includes('[<id>]')),
    ...('seconds' in limit ? { duration: limit.seconds } : { amount: limit.amount }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
