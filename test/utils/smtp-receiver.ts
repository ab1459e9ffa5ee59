import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a random local port that parses everything it accepts.
 * `refuse(n)` makes it answer the next n messages with a temporary failure (451).
 */
export class SmtpReceiver {
  readonly messages: ParsedMail[] = [];
  private refusals = 0;
  private refusalCode = 451;
  /** Recipients refused at RCPT TO with this reply code (e.g. 550: no such mailbox). */
  readonly refusedRecipients = new Map<string, number>();
  /** Milliseconds to hold RCPT TO before answering (a client killed here never reached DATA). */
  rcptDelayMs = 0;
  /** RCPT TO commands received. */
  rcpts = 0;
  /** Milliseconds to hold each message before accepting it (a slow server). */
  delayMs = 0;
  /** Messages whose DATA phase has started (accepted or not yet). */
  started = 0;
  /** Messages received in full (before any delay and before the server answers). */
  received = 0;
  private server?: SMTPServer;
  private waiters: Array<() => void> = [];
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        this.rcpts++;
        const code = this.refusedRecipients.get(address.address.toLowerCase());
        const answer = () => {
          if (!code) return callback();
          const err = new Error('No such mailbox') as Error & { responseCode: number };
          err.responseCode = code;
          callback(err);
        };
        if (this.rcptDelayMs) setTimeout(answer, this.rcptDelayMs);
        else answer();
      },
      onData: (stream, _session, callback) => {
        this.started++;
        if (this.refusals > 0) {
          this.refusals--;
          stream.resume();
          stream.on('end', () => {
            const err = new Error('Try again later') as Error & { responseCode: number };
            err.responseCode = this.refusalCode;
            callback(err);
          });
          return;
        }
        simpleParser(stream)
          .then(async (mail) => {
            this.received++;
            if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
            this.messages.push(mail);
            this.waiters.splice(0).forEach((w) => w());
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    // A client killed mid-conversation resets the socket: that is expected here.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  /** The next `count` messages are refused after DATA with `code` (451: try later; 554: never). */
  refuse(count: number, code = 451): void {
    this.refusals = count;
    this.refusalCode = code;
  }

  /** Resolves once at least `count` messages arrived (or rejects after timeoutMs). */
  async waitFor(count: number, timeoutMs = 10_000): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} mail(s), got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.messages;
  }

  /** Messages addressed to `address` (as parsed from the To header). */
  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => {
      const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
      return to.some((a) =>
        a.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()),
      );
    });
  }

  /** Resolves with the first message to `address` once it has arrived. */
  async waitForTo(address: string, timeoutMs = 10_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address);
      if (found.length) return found[found.length - 1];
      if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
