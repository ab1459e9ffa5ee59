import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * How long a socket idle at SIGTERM stays open: a request already on its way on it is still
 * answered (with `Connection: close`) instead of meeting a reset.
 */
export const IDLE_GRACE_MS = 1_000;

/**
 * Graceful HTTP shutdown that also works with keep-alive clients: `server.close()` alone stops
 * new connections but keeps serving new requests on open ones, so a busy client keeps the
 * process alive (and is cut at the forced exit). While draining, every in-flight and later
 * response carries `Connection: close` (its socket ends after it), sockets idle at the start are
 * closed after IDLE_GRACE_MS unless a request arrived meanwhile, and `drain()` resolves once the
 * last connection is gone.
 */
export class HttpDrain {
  private draining = false;
  /** Open sockets and the requests each is serving. */
  private readonly sockets = new Map<Socket, number>();
  private readonly active = new Set<ServerResponse>();

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.set(socket, 0);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket;
      this.sockets.set(socket, (this.sockets.get(socket) ?? 0) + 1);
      this.active.add(res);
      if (this.draining) res.setHeader('Connection', 'close');
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        this.active.delete(res);
        const left = (this.sockets.get(socket) ?? 1) - 1;
        if (this.sockets.has(socket)) this.sockets.set(socket, left);
        // A response whose headers left before the drain began kept its socket alive: end it.
        if (this.draining && left === 0) setImmediate(() => this.endIfIdle(socket));
      };
      res.once('finish', done);
      res.once('close', done);
    });
  }

  get inFlight(): number {
    return this.active.size;
  }

  /** Stops taking requests and resolves when every connection has closed. */
  drain(): Promise<void> {
    this.draining = true;
    // net.Server's close: stop listening without http's immediate close of idle sockets (a
    // request already sent on one would meet a reset).
    const closed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(this.server, () => resolve()),
    );
    for (const res of this.active) if (!res.headersSent) res.setHeader('Connection', 'close');
    for (const [socket, requests] of this.sockets)
      if (requests === 0) setTimeout(() => this.endIfIdle(socket), IDLE_GRACE_MS).unref();
    return closed;
  }

  private endIfIdle(socket: Socket): void {
    if (this.sockets.get(socket) === 0) socket.destroy();
  }
}
