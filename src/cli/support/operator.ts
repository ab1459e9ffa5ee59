import type { INestApplicationContext } from '@nestjs/common';
import { Principal } from '../../modules/access/domain/principal';
import { AgenciesRepository } from '../../modules/agencies/agencies.repository';

/** The operator at the command line: reads cases and reports across every root agency. */
export async function operator(app: INestApplicationContext): Promise<Principal> {
  const roots = await app.get(AgenciesRepository).roots();
  return new Principal(
    '00000000-0000-0000-0000-000000000000',
    'staff',
    roots.flatMap((a) =>
      (['supervisor', 'reporting_officer'] as const).map((role) => ({
        role,
        agencyId: a.id,
        agencyPath: a.path,
      })),
    ),
  );
}
