import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import {
  MailSendError,
  MailTransport,
  type OutgoingMail,
  type SendHooks,
  type SentMail,
} from './mail-transport';

/**
 * Sends through an SMTP server (SMTP_URL), one connection per message, with nodemailer's
 * SMTPConnection: unlike `sendMail`, it lets the sender know where in the conversation a failure
 * came — the message is handed over as a stream that DATA reads only after the server's 354, and
 * that ends (so the final "." goes out) only after `beforeFinalDot` resolved.
 */
export class SmtpMailTransport extends MailTransport {
  readonly kind = 'smtp' as const;
  private readonly options: SMTPConnection.Options;
  private readonly auth: SMTPConnection.Credentials | null;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs = 60_000,
  ) {
    super();
    const url = new URL(smtpUrl);
    const secure = url.protocol === 'smtps:';
    this.options = {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      connectionTimeout: Math.min(timeoutMs, 30_000),
      greetingTimeout: Math.min(timeoutMs, 30_000),
      socketTimeout: timeoutMs,
    };
    this.auth = url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : null;
  }

  async send(mail: OutgoingMail, hooks: SendHooks = {}): Promise<SentMail> {
    const composed = new MailComposer({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    }).compile();
    const envelope = composed.getEnvelope();
    const raw = await new Promise<Buffer>((resolve, reject) =>
      composed.build((err, buf) => (err ? reject(err) : resolve(buf))),
    );
    const messageId = composed.messageId();
    let dotSent = false;
    const conn = new SMTPConnection(this.options);
    const fail = (err: unknown): MailSendError => {
      if (err instanceof MailSendError) return err;
      const e = (err ?? {}) as SMTPConnection.SMTPError;
      return new MailSendError(
        e.message ?? String(err),
        typeof e.responseCode === 'number' ? e.responseCode : undefined,
        e.code,
        dotSent,
      );
    };
    try {
      await new Promise<void>((resolve, reject) => {
        conn.once('error', reject);
        conn.connect((err) => (err ? reject(err) : resolve()));
      });
      if (this.auth) {
        const auth = this.auth;
        await new Promise<void>((resolve, reject) =>
          conn.login(auth, (err) => (err ? reject(err) : resolve())),
        );
      }
      let hookError: unknown = null;
      let pushed = false;
      const body = new Readable({
        read() {
          if (!pushed) {
            pushed = true;
            this.push(raw);
            return;
          }
          void Promise.resolve(hooks.beforeFinalDot?.()).then(
            () => {
              dotSent = true;
              this.push(null);
            },
            (err: unknown) => {
              hookError = err;
              this.destroy(err instanceof Error ? err : new Error(String(err)));
            },
          );
        },
      });
      const info = await new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) => {
        conn.removeAllListeners('error');
        conn.once('error', reject);
        conn.send(envelope, body, (err, result) => (err ? reject(err) : resolve(result)));
      }).catch((err: unknown) => {
        // The bookkeeping before the final "." failed: nothing was delivered; say why.
        throw hookError
          ? new MailSendError(
              hookError instanceof Error
                ? hookError.message
                : 'the bookkeeping before the final dot failed',
              undefined,
              'EHOOK',
              false,
            )
          : err;
      });
      conn.quit();
      return { messageId, response: info.response };
    } catch (err) {
      conn.close();
      throw fail(err);
    }
  }

  async verify(): Promise<void> {
    const conn = new SMTPConnection(this.options);
    try {
      await new Promise<void>((resolve, reject) => {
        conn.once('error', reject);
        conn.connect((err) => (err ? reject(err) : resolve()));
      });
    } finally {
      conn.close();
    }
  }
}
