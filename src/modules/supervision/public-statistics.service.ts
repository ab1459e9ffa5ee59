import { Injectable } from '@nestjs/common';
import { CasesRepository } from '../requests/cases.repository';
import { ReplyNetDays } from './reply-net-days';

/**
 * What the public statistics page needs of the supervision view, for everyone (no principal: the
 * figures are aggregates of an agency, never a case): the net working days to reply of the live
 * replies first concluded in a year (concludedOn, D-17), pauses excluded — as the supervisors'
 * statistics count them (`ReplyNetDays`).
 */
@Injectable()
export class PublicStatisticsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly net: ReplyNetDays,
  ) {}

  async netDays(agencyPath: string, subtree: boolean, year: number): Promise<number[]> {
    const scope = subtree
      ? { exact: [], prefixes: [agencyPath] }
      : { exact: [agencyPath], prefixes: [] };
    const entities = await this.net.repliedIn(this.cases.liveQuery(scope), year).getMany();
    const days: number[] = [];
    for (const c of entities) {
      const n = await this.net.of(c);
      if (n !== null) days.push(n);
    }
    return days;
  }
}
