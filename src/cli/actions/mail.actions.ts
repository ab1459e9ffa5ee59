import { Clock } from '../../infra/clock/clock';
import { OutboxService } from '../../modules/notifications/outbox.service';
import { mailCheckTemplate } from '../../modules/notifications/templates/mail-check.template';
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
