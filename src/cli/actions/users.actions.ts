import { randomBytes } from 'node:crypto';
import { AccountsService } from '../../modules/accounts/accounts.service';
import type { StaffRole } from '../../modules/access/domain/roles';
import { withApp } from '../support/with-app';

export interface CreateUserOptions {
  email: string;
  name: string;
  roles: Array<{ role: StaffRole; agencyCode: string }>;
  password?: string;
}

/** Creates a staff account (e.g. the first admin) and prints how to sign in. */
export async function create(opts: CreateUserOptions): Promise<void> {
  const generated = opts.password === undefined;
  const password = opts.password ?? `${randomBytes(9).toString('base64url')}7a`;
  const user = await withApp((app) =>
    app.get(AccountsService).createStaff(null, {
      email: opts.email,
      displayName: opts.name,
      roles: opts.roles,
      password,
    }),
  );
  process.stdout.write(
    `${JSON.stringify({ id: user.id, email: user.email, roles: opts.roles, ...(generated ? { password } : {}) })}\n`,
  );
}
