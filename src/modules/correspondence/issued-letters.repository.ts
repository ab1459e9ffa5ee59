import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IssuedLetter } from './issued-letter.entity';

/** Reading stored letters. */
@Injectable()
export class IssuedLettersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The letters of a case, oldest first (without their HTML). */
  listForCase(caseId: string, includeStaffOnly: boolean): Promise<IssuedLetter[]> {
    const qb = this.db
      .getRepository(IssuedLetter)
      .createQueryBuilder('l')
      .select([
        'l.year',
        'l.id',
        'l.kind',
        'l.ref',
        'l.title',
        'l.documentNumber',
        'l.issuedOn',
        'l.sha256',
        'l.toApplicant',
        'l.createdAt',
      ])
      .where('l.case_id = :caseId', { caseId });
    if (!includeStaffOnly) qb.andWhere('l.to_applicant');
    return qb.orderBy('l.created_at').addOrderBy('l.doc_seq').getMany();
  }

  findForCase(caseId: string, letterId: string): Promise<IssuedLetter | null> {
    return this.db.getRepository(IssuedLetter).findOneBy({ caseId, id: letterId });
  }

  /** The latest letter of a kind (and ref), e.g. the receipt for the intake response. */
  latestOfKind(caseId: string, kind: string, ref = ''): Promise<IssuedLetter | null> {
    return this.db
      .getRepository(IssuedLetter)
      .findOne({ where: { caseId, kind, ref }, order: { createdAt: 'DESC', docSeq: 'DESC' } });
  }
}
