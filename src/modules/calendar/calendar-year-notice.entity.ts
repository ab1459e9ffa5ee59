import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { YearNoticeJson } from './domain/year-notice';

/**
 * A State Council holiday notice loaded after the release of the bundled dataset (R-WD-04,
 * DOMAIN §5.5 gaps 2–4), in the JSON form of `parseYearNotice`. Rows are never deleted: a
 * replacing import (a mid-year amendment, a correction) marks the previous row superseded, so
 * the history of each year stays readable. At most one row per year is current.
 */
@Entity('calendar_year_notice')
@Index('calendar_year_notice_current_key', ['year'], {
  unique: true,
  where: 'superseded_at IS NULL',
})
export class CalendarYearNotice {
  @PrimaryColumn('uuid')
  id: string;

  @Column('int')
  year: number;

  /** The notice as validated by parseYearNotice (toYearNoticeJson form). */
  @Column('jsonb')
  notice: YearNoticeJson;

  /** Provenance (R-WD-04): the gov.cn URL and the date of the notice. */
  @Column('text')
  noticeUrl: string;

  @Column('date')
  noticeDate: string;

  @Column('timestamptz')
  importedAt: Date;

  /** Null when imported from the command line. */
  @Column('uuid', { nullable: true })
  importedBy: string | null;

  /** Set when a later import of the same year replaced this one. */
  @Column('timestamptz', { nullable: true })
  supersededAt: Date | null;
}
