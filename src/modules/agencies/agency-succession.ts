import { Global, Injectable, Module } from '@nestjs/common';
import type { Tx } from '../../infra/database/unit-of-work';
import type { Agency } from './agency.entity';

/**
 * Work an agency holds that must not be orphaned when it is deactivated (the open cases). The
 * module owning the work registers a handler; the agencies module never imports it.
 */
export interface AgencyWorkHandler {
  /** What the work is, for messages (e.g. `cases`). */
  readonly kind: string;
  /** Open items of `agencyId`, read in the deactivation's transaction. */
  openCount(tx: Tx, agencyId: string): Promise<number>;
  /** Moves every open item to `to` (keeping references and dates, each with an audited event). */
  transfer(tx: Tx, from: Agency, to: Agency, actorId: string | null): Promise<number>;
}

/** The registry of handlers (a port: agencies → whoever holds an agency's work). */
@Injectable()
export class AgencySuccession {
  private readonly handlers: AgencyWorkHandler[] = [];

  register(h: AgencyWorkHandler): void {
    if (!this.handlers.some((x) => x.kind === h.kind)) this.handlers.push(h);
  }

  async openWork(tx: Tx, agencyId: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const h of this.handlers) {
      const n = await h.openCount(tx, agencyId);
      if (n > 0) out[h.kind] = n;
    }
    return out;
  }

  async transfer(
    tx: Tx,
    from: Agency,
    to: Agency,
    actorId: string | null,
  ): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const h of this.handlers) out[h.kind] = await h.transfer(tx, from, to, actorId);
    return out;
  }
}

@Global()
@Module({ providers: [AgencySuccession], exports: [AgencySuccession] })
export class AgencySuccessionModule {}
