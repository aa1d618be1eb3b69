import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * Limits for a public site. Node's defaults let a client hold a socket for minutes (headers 60 s,
 * request 300 s) with no cap on connections; a few clients with half-open connections could then
 * make every new reader wait. A reverse proxy in front is still recommended (see README).
 */
export interface Limits {
  /** Time to send the request headers. */
  headersTimeout: number;
  /** Time to send the whole request. */
  requestTimeout: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeout: number;
  /** How often the server looks for connections over their time. */
  checkInterval: number;
  /** Connections beyond this are closed at once. */
  maxConnections: number;
  /** Largest request head, in bytes. */
  maxHeaderSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  headersTimeout: 10_000,
  requestTimeout: 20_000,
  keepAliveTimeout: 5_000,
  checkInterval: 1_000,
  maxConnections: 2_000,
  maxHeaderSize: 16 * 1024,
};

/** An HTTP server for the app with these limits (not yet listening). */
export function limitedServer(app: RequestListener, limits: Limits = DEFAULT_LIMITS): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeout,
      requestTimeout: limits.requestTimeout,
      keepAliveTimeout: limits.keepAliveTimeout,
      connectionsCheckingInterval: limits.checkInterval,
      maxHeaderSize: limits.maxHeaderSize,
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
