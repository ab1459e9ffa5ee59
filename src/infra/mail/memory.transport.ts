import { randomUUID } from 'node:crypto';
import { MailTransport, type OutgoingMail, type SendHooks, type SentMail } from './mail-transport';

/** Keeps messages in memory; for tests and demos that want to read what was "sent". */
export class MemoryMailTransport extends MailTransport {
  readonly kind = 'memory' as const;
  readonly sent: Array<OutgoingMail & SentMail> = [];

  async send(mail: OutgoingMail, hooks?: SendHooks): Promise<SentMail> {
    await hooks?.beforeFinalDot?.();
    const messageId = mail.messageId ?? `<${randomUUID()}@govinfo.local>`;
    this.sent.push({ ...mail, messageId });
    return { messageId };
  }

  async verify(): Promise<void> {}
}
