/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { lazy } from '../support/lazy';
import { UsageError } from '../usage-error';

const actions = lazy(
  () => require('../actions/mail.actions') as typeof import('../actions/mail.actions'),
);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function register(program: Command): void {
  const mail = program.command('mail').description('outgoing e-mail');
  mail
    .command('check')
    .description('queue a bilingual check message through the outbox; a running worker sends it')
    .requiredOption('--to <address>', 'recipient e-mail address')
    .option('--locale <locale>', 'zh-CN (default) or en', 'zh-CN')
    .action(async (opts: { to: string; locale: string }) => {
      if (!EMAIL.test(opts.to))
        throw new UsageError(`--to must be an e-mail address (got "${opts.to}")`);
      if (opts.locale !== 'zh-CN' && opts.locale !== 'en')
        throw new UsageError('--locale must be zh-CN or en');
      await actions().check(opts.to, opts.locale);
    });
  mail
    .command('resend')
    .argument('<outboxId>', 'id of a failed or interrupted outbox row')
    .description('queue a failed or interrupted e-mail again (check first that it did not arrive)')
    .action((id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('outboxId must be a UUID');
      return actions().resend(id);
    });
}
