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
  /** The server's answer (SMTP: the 250 line), kept for the journal and the row. */
  readonly response?: string;
}

/** Hooks into the conversation, for the claim-before-send bookkeeping. */
export interface SendHooks {
  /**
   * Awaited with the whole message written and before the final "." goes out; when it throws,
   * the conversation is abandoned (nothing delivered) and `send` rejects with its error.
   */
  beforeFinalDot?(): Promise<void>;
}

/** A failed send, with what the classification needs (domain/mail-outcome.ts). */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly responseCode: number | undefined,
    readonly code: string | undefined,
    readonly afterFinalDot: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

/** The mail port. Adapters: smtp (nodemailer), log, memory — chosen by MAIL_TRANSPORT. */
export abstract class MailTransport {
  abstract readonly kind: 'smtp' | 'log' | 'memory';
  abstract send(mail: OutgoingMail, hooks?: SendHooks): Promise<SentMail>;
  /** Checks the transport can deliver (SMTP: connect + EHLO). */
  abstract verify(): Promise<void>;
  async close(): Promise<void> {}
}
