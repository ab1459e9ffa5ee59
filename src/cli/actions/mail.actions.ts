import { Clock } from '../../infra/clock/clock';
import { OutboxService } from '../../modules/notifications/outbox.service';
import { mailCheckTemplate } from '../../modules/notifications/templates/mail-check.template';
import { UsageError } from '../usage-error';
import { withApp } from '../support/with-app';

export async function check(to: string, locale: 'zh-CN' | 'en'): Promise<void> {
  const id = await withApp(async (app, config) =>
    app.get(OutboxService).send({
      template: mailCheckTemplate.key,
      to,
      locale,
      params: { requestedAt: app.get(Clock).now().toISOString(), publicUrl: config.http.publicUrl },
    }),
  );
  process.stdout.write(`${JSON.stringify({ outboxId: id, status: 'queued' })}\n`);
}

/** Puts a failed or interrupted outbox row back to pending and queues it (an operator's decision). */
export async function resend(outboxId: string): Promise<void> {
  const status = await withApp(async (app) => {
    const outbox = app.get(OutboxService);
    const row = await outbox.find(outboxId);
    if (!row) throw new UsageError(`no outbox row ${outboxId}`);
    if (row.status === 'sent')
      throw new UsageError(`outbox row ${outboxId} was already sent (${row.messageId ?? ''})`);
    await outbox.requeue(outboxId);
    return row.status;
  });
  process.stdout.write(`${JSON.stringify({ outboxId, was: status, status: 'queued' })}\n`);
}
