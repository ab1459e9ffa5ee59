import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Graceful HTTP shutdown that also works with keep-alive clients: `server.close()` alone stops
 * new connections but keeps serving new requests on open ones, so a busy client keeps the
 * process alive (and gets cut at the forced exit). While draining, idle sockets are closed, every
 * in-flight and later response carries `Connection: close` (its socket ends after it), and
 * `drain()` resolves once the last connection is gone.
 */
export class HttpDrain {
  private draining = false;
  private readonly active = new Set<ServerResponse>();

  constructor(private readonly server: Server) {
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.active.add(res);
      if (this.draining) res.setHeader('Connection', 'close');
      const done = () => {
        this.active.delete(res);
        // Its socket may now be idle (the client ignored Connection: close): close it.
        if (this.draining) setImmediate(() => this.server.closeIdleConnections());
      };
      res.once('finish', done);
      res.once('close', done);
    });
  }

  get inFlight(): number {
    return this.active.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Stops taking requests and resolves when every connection has closed. */
  drain(): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const res of this.active) if (!res.headersSent) res.setHeader('Connection', 'close');
    this.server.closeIdleConnections();
    return closed;
  }
}
