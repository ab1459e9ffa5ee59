import type { Command } from 'commander';
import { OutboxService } from '../../modules/notifications/outbox.service';
import { mailCheckTemplate } from '../../modules/notifications/templates/mail-check.template';
import { Clock } from '../../infra/clock/clock';
import { UsageError } from '../usage-error';
import { withApp } from '../support/with-app';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function register(program: Command): void {
  const mail = program.command('mail').description('outgoing e-mail');

  mail
    .command('check')
    .description('queue a bilingual check message through the outbox; a running worker sends it')
    .requiredOption('--to <address>', 'recipient e-mail address')
    .option('--locale <locale>', 'zh-CN (default) or en', 'zh-CN')
    .action(async (opts: { to: string; locale: string }) => {
      if (!EMAIL.test(opts.to)) throw new UsageError(`--to must be an e-mail address (got "${opts.to}")`);
      if (opts.locale !== 'zh-CN' && opts.locale !== 'en') throw new UsageError('--locale must be zh-CN or en');
      const id = await withApp(async (app, config) =>
        app.get(OutboxService).send({
          template: mailCheckTemplate.key,
          to: opts.to,
          locale: opts.locale as 'zh-CN' | 'en',
          params: { requestedAt: app.get(Clock).now().toISOString(), publicUrl: config.http.publicUrl },
        }),
      );
      process.stdout.write(`${JSON.stringify({ outboxId: id, status: 'queued' })}\n`);
    });
}
