import type { EntityManager } from 'typeorm';
import type { RequestCase } from './request-case.entity';

/** Consultations not yet answered or closed by silence, plus an unpaid fee notice. */
export async function openPauses(m: EntityManager, c: RequestCase): Promise<number> {
  const [{ n }] = await m.query<Array<{ n: number }>>(
    `SELECT (SELECT count(*) FROM case_consultation WHERE case_id = $1 AND outcome IS NULL)::int
          + (SELECT count(*) FROM case_fee_notice WHERE case_id = $1 AND paid_on IS NULL)::int AS n`,
    [c.id],
  );
  return n;
}
