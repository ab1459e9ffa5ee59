/** A fully rendered message, ready for a transport. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Stable Message-ID, so a receiver can recognise a resend of the same outbox row. */
  readonly messageId?: string;
}

export interface SentMail {
  readonly messageId: string;
}

/** The mail port. Adapters: smtp (nodemailer), log, memory — chosen by MAIL_TRANSPORT. */
export abstract class MailTransport {
  abstract readonly kind: 'smtp' | 'log' | 'memory';
  abstract send(mail: OutgoingMail): Promise<SentMail>;
  /** Checks the transport can deliver (SMTP: connect + EHLO). */
  abstract verify(): Promise<void>;
  async close(): Promise<void> {}
}
