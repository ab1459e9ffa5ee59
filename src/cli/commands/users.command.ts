/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { AGENCY_CODE } from '../../modules/agencies/domain/agency';
import { STAFF_ROLES, type StaffRole } from '../../modules/access/domain/roles';
import { lazy } from '../support/lazy';
import { UsageError } from '../usage-error';

const actions = lazy(
  () => require('../actions/users.actions') as typeof import('../actions/users.actions'),
);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function register(program: Command): void {
  const users = program.command('users').description('staff accounts');
  users
    .command('create')
    .description(
      'create a staff account, e.g. the first admin: users create --role admin --agency HLJ --email a@b.cn',
    )
    .requiredOption('--email <address>', 'sign-in e-mail')
    .requiredOption('--role <role>', `${STAFF_ROLES.join(' | ')}`)
    .requiredOption('--agency <code>', 'agency code where the role is held')
    .option('--name <name>', 'display name', '')
    .option('--password <password>', 'initial password (default: generated and printed once)')
    .action(
      async (opts: {
        email: string;
        role: string;
        agency: string;
        name: string;
        password?: string;
      }) => {
        if (!EMAIL.test(opts.email))
          throw new UsageError(`--email must be an e-mail address (got "${opts.email}")`);
        if (!STAFF_ROLES.includes(opts.role as StaffRole))
          throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
        if (!AGENCY_CODE.test(opts.agency))
          throw new UsageError(`--agency must be an agency code (got "${opts.agency}")`);
        await actions().create({
          email: opts.email,
          name: opts.name || opts.email.split('@')[0],
          roles: [{ role: opts.role as StaffRole, agencyCode: opts.agency }],
          password: opts.password,
        });
      },
    );
}
