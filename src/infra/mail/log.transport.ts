import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { MailTransport, type OutgoingMail, type SendHooks, type SentMail } from './mail-transport';

/** Development transport: logs that a message would be sent (no addresses or bodies logged). */
export class LogMailTransport extends MailTransport {
  readonly kind = 'log' as const;

  constructor(private readonly logger: Pick<Logger, 'info'>) {
    super();
  }

  async send(mail: OutgoingMail, hooks?: SendHooks): Promise<SentMail> {
    await hooks?.beforeFinalDot?.();
    const messageId = mail.messageId ?? `<${randomUUID()}@govinfo.local>`;
    this.logger.info({ messageId, subject: mail.subject }, 'mail (log transport, not delivered)');
    return { messageId };
  }

  async verify(): Promise<void> {}
}
