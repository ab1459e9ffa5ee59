import { Injectable } from '@nestjs/common';
import type { Principal } from '../../access/domain/principal';
import { AgenciesService } from '../../agencies/agencies.service';

export interface AgencyChoice {
  readonly code: string;
  readonly name: string;
  readonly depth: number;
}

/** The agencies a supervisor may choose between on the board and the charts (cases.read reach). */
@Injectable()
export class SupervisorScope {
  constructor(private readonly agencies: AgenciesService) {}

  async choices(p: Principal): Promise<AgencyChoice[]> {
    return (await this.agencies.directory())
      .filter(({ agency }) => p.can('cases.read', agency.path))
      .map(({ agency: a }) => ({ code: a.code, name: a.name, depth: a.depth }));
  }

  /** The agency a supervisor's report figures default to: the highest one within reach of `reports.read`. */
  async topReportAgency(p: Principal): Promise<string | null> {
    const top = (await this.agencies.directory())
      .filter(({ agency }) => p.can('reports.read', agency.path))
      .sort((a, b) => a.agency.depth - b.agency.depth)[0];
    return top?.agency.code ?? null;
  }
}
