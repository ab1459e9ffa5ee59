import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Section 三 kept as counters, per agency, year and applicant category (R-AR-14, D-11):
 * `new` — cases whose original receipt is in the year; `concluded` — cases received and first
 * concluded in the year, by reply type ('' when none). 结转 follows by prefix sums (carried out
 * of Y = received by Y − concluded by Y), so no counter spans years. Maintained by statement
 * triggers on request_case in the transaction of every change (migration ReportCounters), and
 * so never out of step with the cases, whatever path changed them.
 */
@Entity('report_counter')
export class ReportCounter {
  @PrimaryColumn('uuid') agencyId: string;
  @PrimaryColumn('smallint') year: number;
  @PrimaryColumn('text') kind: 'new' | 'concluded';
  @PrimaryColumn('text') conclusionType: string;
  @PrimaryColumn('text') category: string;
  @Column('int') n: number;
}
