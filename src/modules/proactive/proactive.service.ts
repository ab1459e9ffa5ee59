import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { fieldProblem, invalidField, invalidFields, Refusal } from '../../shared/domain/refusal';
import type { Permission } from '../access/domain/roles';
import type { Principal } from '../access/domain/principal';
import { AgenciesRepository } from '../agencies/agencies.repository';
import type { Agency } from '../agencies/agency.entity';
import {
  checkFigure,
  formatForYear,
  sectionTwo,
  type FigureFormat,
  type SectionTwo,
} from './domain/figures';
import { itemKey } from './domain/import-line';
import {
  registerSummary,
  type Category,
  type RegisterCount,
  type RegisterSummary,
} from './domain/register';
import { ProactiveRepository } from './proactive.repository';

export interface NewItem {
  readonly agencyCode: string;
  readonly publishedOn: string;
  readonly category: Category;
  readonly online: boolean;
  readonly title: string;
  readonly externalRef?: string;
}
export interface FigureInput {
  readonly agencyCode: string;
  readonly year: number;
  readonly item: string;
  readonly [column: string]: unknown;
}
export interface Scope {
  readonly year: number;
  readonly agencyCode: string;
  readonly subtree: boolean;
}

/**
 * The proactive-disclosure register and the section 二 figures: entered by reporting officers
 * (`reports.write`) of the agency or above it, read with `reports.read`; out of reach answers
 * 404 like an unknown agency.
 */
@Injectable()
export class ProactiveService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly repo: ProactiveRepository,
    private readonly agencies: AgenciesRepository,
  ) {}

  async addItem(p: Principal, input: NewItem) {
    const agency = await this.agency(p, input.agencyCode, 'reports.write');
    if (input.publishedOn > this.clock.today()) throw invalidField('publishedOn', 'date-in-future');
    const row = {
      id: randomUUID(),
      agencyId: agency.id,
      publishedOn: input.publishedOn,
      category: input.category,
      online: input.online,
      title: input.title,
      itemKey: itemKey({ ...input, externalRef: input.externalRef ?? null }),
      createdBy: p.userId,
    };
    const created = await this.uow.run((tx) => this.repo.insertItems(tx.m, [row]));
    if (!created) throw new Refusal('proactive-item-exists', { agency: agency.name });
    const { agencyId: _a, itemKey: _k, createdBy: _c, ...view } = row;
    return { ...view, agencyCode: agency.code };
  }

  async putFigure(p: Principal, input: FigureInput) {
    const { agencyCode, year, item, ...columns } = input;
    const agency = await this.agency(p, agencyCode, 'reports.write');
    if (year > Number(this.clock.today().slice(0, 4))) throw invalidField('year', 'date-in-future');
    const checked = checkFigure(year, item, columns);
    if (!checked.values)
      throw invalidFields(checked.problems.map((x) => fieldProblem(x.field, x.code, x.params)));
    const values = checked.values;
    const out = await this.uow.run((tx) =>
      this.repo.upsertFigures(tx.m, [
        { agencyId: agency.id, year, item, values, updatedBy: p.userId },
      ]),
    );
    return { agencyCode: agency.code, year, item, values, changed: out.created + out.changed > 0 };
  }

  async register(p: Principal, q: Scope) {
    const agency = await this.agency(p, q.agencyCode, 'reports.read');
    return {
      year: q.year,
      agency: { code: agency.code, name: agency.name },
      subtree: q.subtree,
      ...(await this.registerOf(agency.path, q.subtree, q.year)).summary,
    };
  }

  async figures(p: Principal, q: Scope) {
    const agency = await this.agency(p, q.agencyCode, 'reports.read');
    const format = formatForYear(q.year);
    return {
      year: q.year,
      agency: { code: agency.code, name: agency.name },
      subtree: q.subtree,
      formatVersion: format,
      figures:
        format === '2008' ? {} : await this.sectionTwoOf(agency.path, q.subtree, q.year, format),
    };
  }

  /** The register's counts of the year with each agency's path (the report groups them). */
  async registerOf(
    path: string,
    subtree: boolean,
    year: number,
  ): Promise<{ summary: RegisterSummary; counts: Array<RegisterCount & { agencyPath: string }> }> {
    const rows = await this.repo.registerCounts(path, subtree, year);
    const counts = rows.map((r) => ({
      agencyPath: r.agency_path,
      category: r.category,
      online: r.online,
      n: r.n,
    }));
    return { summary: registerSummary(counts), counts };
  }

  /** Section 二 of `format` summed over the agency (or subtree), already authorized. */
  async sectionTwoOf(
    path: string,
    subtree: boolean,
    year: number,
    format: FigureFormat,
  ): Promise<SectionTwo> {
    const rows = await this.repo.figures(path, subtree, year);
    return sectionTwo(format, rows);
  }

  private async agency(p: Principal, code: string, permission: Permission): Promise<Agency> {
    const agency = await this.agencies.byCode(code);
    if (!agency || !p.can(permission, agency.path))
      throw new Refusal('agency-not-found', { agency: code });
    return agency;
  }
}
