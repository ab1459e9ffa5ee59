import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Section 四 kept as counters (D-16, R-AR-21): per counting agency (by code: the case's agency,
 * or the reconsideration body sued alone, which may be recorded before it is in the system),
 * counting year (reconsideration applied for, suit docketed), remedy kind and the outcome it
 * had reached by 31 Dec of that year ('' = 尚未审结). The column (D-14) is mapped in TypeScript
 * (`sectionFourFromCounters`). Complaints are not counted. Maintained by statement triggers on
 * remedy in the transaction of every change (migration RemedyCounters).
 */
@Entity('report_remedy_counter')
export class ReportRemedyCounter {
  @PrimaryColumn('text') agencyCode: string;
  @PrimaryColumn('smallint') year: number;
  @PrimaryColumn('text') kind: string;
  @PrimaryColumn('text') result: string;
  @Column('int') n: number;
}
