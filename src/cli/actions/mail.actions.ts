import { Clock } from '../../infra/clock/clock';
import type { MailOutbox } from '../../modules/notifications/mail-outbox.entity';
import { OutboxRepository } from '../../modules/notifications/outbox.repository';
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

/** Why a row may not be resent, or null when it may. */
function refusal(row: MailOutbox): string | null {
  if (row.status === 'sent')
    return `outbox row ${row.id} was already sent (${row.messageId ?? ''})`;
  if (row.status === 'unconfirmed')
    return `outbox row ${row.id} may have been accepted by the server (no answer came after the whole message was sent); resending could deliver it twice — check with the recipient, then settle it with \`mail resolve\``;
  if (row.status === 'sending')
    return `outbox row ${row.id} is being sent (an interrupted send is settled by the worker)`;
  if (row.status === 'pending')
    return `outbox row ${row.id} is still pending (its retries are running)`;
  return null;
}

/** Puts a failed or interrupted outbox row back to pending and queues it (an operator's decision). */
export async function resend(outboxId: string): Promise<void> {
  const status = await withApp(async (app) => {
    const outbox = app.get(OutboxService);
    const row = await outbox.find(outboxId);
    if (!row) throw new UsageError(`no outbox row ${outboxId}`);
    const refused = refusal(row);
    if (refused) throw new UsageError(refused);
    await outbox.requeue(outboxId, app.get(Clock).now());
    return row.status;
  });
  process.stdout.write(`${JSON.stringify({ outboxId, was: status, status: 'queued' })}\n`);
}

/**
 * Every row failed since `since` (refused for good or given up after the retry horizon), queued
 * again; rows the server may have accepted (unconfirmed) are never among them.
 */
export async function resendFailed(since: Date): Promise<void> {
  const result = await withApp(async (app) => {
    const outbox = app.get(OutboxService);
    const rows = await app.get(OutboxRepository).failedSince(since, 10_000);
    const now = app.get(Clock).now();
    for (const row of rows) await outbox.requeue(row.id, now);
    return rows.map((r) => r.id);
  });
  process.stdout.write(
    `${JSON.stringify({ since: since.toISOString(), queued: result.length, outboxIds: result })}\n`,
  );
}

/** An operator settled a failed or unconfirmed row otherwise (served by post, confirmed received). */
export async function resolve(outboxId: string): Promise<void> {
  await withApp(async (app) => {
    const row = await app.get(OutboxService).find(outboxId);
    if (!row) throw new UsageError(`no outbox row ${outboxId}`);
    if (row.status !== 'failed' && row.status !== 'unconfirmed')
      throw new UsageError(`outbox row ${outboxId} is ${row.status}, not failed or unconfirmed`);
    await app.get(OutboxRepository).update(null, outboxId, { resolvedAt: app.get(Clock).now() });
  });
  process.stdout.write(`${JSON.stringify({ outboxId, status: 'resolved' })}\n`);
}
