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
    .argument('[outboxId]', 'id of a failed or interrupted outbox row')
    .option('--failed', 'every failed row (refused, or given up after the retry horizon)')
    .option('--since <instant>', 'with --failed: rows failed at or after this ISO date-time')
    .description(
      'queue failed e-mails again; rows the server may have accepted (unconfirmed) are refused',
    )
    .action((id: string | undefined, opts: { failed?: boolean; since?: string }) => {
      if (opts.failed) {
        if (id) throw new UsageError('give an outboxId or --failed, not both');
        if (!opts.since) throw new UsageError('--failed needs --since <ISO date-time>');
        const since = new Date(opts.since);
        if (!/^\d{4}-\d{2}-\d{2}/.test(opts.since) || Number.isNaN(since.getTime()))
          throw new UsageError(`--since must be an ISO date-time (got "${opts.since}")`);
        return actions().resendFailed(since);
      }
      if (!id) throw new UsageError('give an outboxId, or --failed --since <ISO date-time>');
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('outboxId must be a UUID');
      return actions().resend(id);
    });
  mail
    .command('resolve')
    .argument('<outboxId>', 'id of a failed or unconfirmed outbox row')
    .description(
      'record that a failed or unconfirmed e-mail was settled otherwise (/health stops counting it)',
    )
    .action((id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('outboxId must be a UUID');
      return actions().resolve(id);
    });
}
