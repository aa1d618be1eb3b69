import { createServer, STATUS_CODES, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Limits for a public site. Node's defaults let a client hold a socket for minutes (headers 60 s,
 * request 300 s) and refuse every new connection once a cap is reached, so one client holding idle
 * sockets could lock every reader out. Here readers come first: a connection must send a complete
 * request head soon, and at the cap the connection idle the longest (no request in flight) is closed
 * to make room for the new one. A reverse proxy in front is still recommended (see README).
 */
export interface Limits {
  /** Time to send a complete request head (from the connection, or from the start of a request on a kept connection). */
  headersTimeout: number;
  /** Time to send the whole request. */
  requestTimeout: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeout: number;
  /** How often the server looks for connections over their time. */
  checkInterval: number;
  /** At this many connections, a new one closes the one idle longest (or is itself closed when every one has a request in flight). */
  maxConnections: number;
  /** Largest request head, in bytes. */
  maxHeaderSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  headersTimeout: 3_000,
  requestTimeout: 20_000,
  keepAliveTimeout: 5_000,
  checkInterval: 1_000,
  maxConnections: 2_000,
  maxHeaderSize: 16 * 1024,
};

/** What the server knows about one connection: requests in flight, and since when it is idle. */
interface Held {
  inFlight: number;
  /** Whether it ever sent a complete request head. */
  asked: boolean;
  since: number;
}

/**
 * The connections, the idle ones in the order they became idle (the first is idle longest): a new
 * connection at the cap, and the sweep for connections that never send a head, each look only at the
 * front of the list.
 */
function connectionKeeper(limits: Limits) {
  const all = new Map<Socket, Held>();
  const idle = new Map<Socket, Held>();
  const setIdle = (socket: Socket, held: Held) => {
    held.since = performance.now();
    idle.delete(socket);
    idle.set(socket, held);
  };
  return {
    all,
    /** A new connection: makes room for it at the cap; false when it was closed (every other connection busy). */
    opened(socket: Socket): boolean {
      if (all.size >= limits.maxConnections) {
        const longest = idle.keys().next();
        if (longest.done) {
          socket.destroy();
          return false;
        }
        longest.value.destroy();
        all.delete(longest.value);
        idle.delete(longest.value);
      }
      const held: Held = { inFlight: 0, asked: false, since: 0 };
      all.set(socket, held);
      setIdle(socket, held);
      socket.once('close', () => {
        all.delete(socket);
        idle.delete(socket);
      });
      return true;
    },
    started(socket: Socket) {
      const held = all.get(socket);
      if (!held) return;
      held.inFlight++;
      held.asked = true;
      idle.delete(socket);
    },
    finished(socket: Socket) {
      const held = all.get(socket);
      if (!held) return;
      held.inFlight = Math.max(0, held.inFlight - 1);
      if (held.inFlight === 0) setIdle(socket, held);
    },
    /** Closes connections that never sent a complete head within the headers timeout (Node's own keep-alive timeout closes the others). */
    sweep() {
      const now = performance.now();
      for (const [socket, held] of idle) {
        const age = now - held.since;
        if (age < limits.headersTimeout) break;
        if (!held.asked || age > limits.keepAliveTimeout + limits.checkInterval) {
          socket.destroy();
          all.delete(socket);
          idle.delete(socket);
        }
      }
    },
  };
}

/** The status Node would answer for a client error (a head too large, too slow, malformed). */
function clientErrorStatus(error: NodeJS.ErrnoException): number {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * An HTTP server for the app with these limits (not yet listening). `headers`: the security headers
 * (src/http/security.ts) that Node's own answers (400, 408, 417, 431) carry too, like every answer
 * of the app.
 */
export function limitedServer(app: RequestListener, limits: Limits = DEFAULT_LIMITS, headers: [string, string][] = []): Server {
  const keeper = connectionKeeper(limits);
  const tracked: RequestListener = (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    keeper.started(socket);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      keeper.finished(socket);
    };
    res.once('finish', finish);
    res.once('close', finish);
    app(req, res);
  };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeout,
      requestTimeout: limits.requestTimeout,
      keepAliveTimeout: limits.keepAliveTimeout,
      connectionsCheckingInterval: limits.checkInterval,
      maxHeaderSize: limits.maxHeaderSize,
    },
    tracked,
  );
  server.on('connection', (socket: Socket) => keeper.opened(socket));
  const sweeper = setInterval(() => keeper.sweep(), limits.checkInterval);
  sweeper.unref();
  server.once('close', () => clearInterval(sweeper));

  const head = headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(error);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head}Cache-Control: no-store\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    socket.destroySoon();
  });
  // Expect: anything but 100-continue: Node answers 417 itself, without the app's headers
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    res.shouldKeepAlive = false;
    res.writeHead(417, Object.fromEntries([...headers, ['Cache-Control', 'no-store'], ['Content-Length', '0'], ['Connection', 'close']]));
    res.end();
  });
  return server;
}
