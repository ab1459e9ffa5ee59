import type { LocalDate } from './local-date';
import type { CalendarOverride } from './working-calendar';

/**
 * Scopes of the override table (R-WD-05). A scope other than NATIONAL_CORRECTION references an
 * agency of the tree by id:
 *  - NATIONAL_CORRECTION — corrects the national data (a dataset error, a late amendment such as
 *    the 2020 Spring Festival extension); applies to every statutory deadline;
 *  - PROVINCE — a regional closure (ethnic-minority holidays, provincial extensions): applies to
 *    the referenced agency and its whole subtree (usually a root government = a province);
 *  - AGENCY — one agency's office closure or opening: that agency only.
 */
export const OVERRIDE_SCOPES = ['NATIONAL_CORRECTION', 'PROVINCE', 'AGENCY'] as const;
export type OverrideScope = (typeof OVERRIDE_SCOPES)[number];

export const OVERRIDE_KINDS = ['CLOSED', 'OPEN'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

/** An active override with its scope resolved; `scope` holds the label, e.g. 'PROVINCE:HLJ'. */
export interface ScopedOverride extends CalendarOverride {
  readonly id: string;
  readonly kind: OverrideKind;
  readonly scopeKind: OverrideScope;
  /** The referenced agency (null for NATIONAL_CORRECTION); codes never change. */
  readonly agencyId: string | null;
  readonly agencyCode: string | null;
}

/** The agency a calendar question is asked for: id and materialised path '/<root>/…/<id>/'. */
export interface AgencyRef {
  readonly id: string;
  readonly code: string;
  readonly path: string;
}

/** 'NATIONAL_CORRECTION', 'PROVINCE:<code>' or 'AGENCY:<code>' (R-WD-05 notation). */
export function scopeLabel(scope: OverrideScope, agencyCode: string | null): string {
  return scope === 'NATIONAL_CORRECTION' ? scope : `${scope}:${agencyCode ?? '?'}`;
}

/**
 * Whether a local override concerns `agency`. A PROVINCE override reaches the whole subtree of
 * its agency, i.e. every agency whose path contains that agency's id — checked on the path of
 * the agency asked about, so it stays right when agencies move.
 */
export function concernsAgency(o: ScopedOverride, agency: AgencyRef): boolean {
  switch (o.scopeKind) {
    case 'NATIONAL_CORRECTION':
      return false;
    case 'AGENCY':
      return o.agencyId === agency.id;
    case 'PROVINCE':
      return o.agencyId !== null && agency.path.includes(`/${o.agencyId}/`);
  }
}

/**
 * The local overrides of an agency, least specific first (provinces from the top of the tree
 * down, then the agency's own), so that on the same date the more specific one wins when applied.
 */
export function localOverridesOf(
  overrides: readonly ScopedOverride[],
  agency: AgencyRef,
): ScopedOverride[] {
  const rank = (o: ScopedOverride): number =>
    o.scopeKind === 'AGENCY' ? Number.MAX_SAFE_INTEGER : agency.path.indexOf(`/${o.agencyId}/`);
  return overrides
    .filter((o) => concernsAgency(o, agency))
    .sort((a, b) => rank(a) - rank(b) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A scope written on the command line: 'national', 'province:<CODE>' or 'agency:<CODE>'. */
export function parseScopeSpec(
  spec: string,
): { scope: OverrideScope; agencyCode: string | null } | null {
  const s = spec.trim();
  if (/^national(_correction)?$/i.test(s))
    return { scope: 'NATIONAL_CORRECTION', agencyCode: null };
  const m = /^(province|agency):(\S+)$/i.exec(s);
  if (!m) return null;
  return { scope: m[1].toUpperCase() as OverrideScope, agencyCode: m[2].toUpperCase() };
}

/**
 * A local override that concerns an agency but is not applied to its statutory deadlines
 * (R-WD-05 default): shown next to the day, and next to a deadline whose count passes over it.
 */
export interface OverrideWarning {
  readonly date: LocalDate;
  readonly kind: OverrideKind;
  readonly scope: string;
  readonly basis: string;
  readonly name: string | null;
  readonly message: string;
}

export function warningOf(o: ScopedOverride): OverrideWarning {
  const what = o.kind === 'CLOSED' ? '停止办公 / closed' : '调整为工作日 / open';
  return {
    date: o.date,
    kind: o.kind,
    scope: o.scope,
    basis: o.basis,
    name: o.name ?? null,
    message:
      `${o.date} ${what}${o.name ? `（${o.name}）` : ''} · ${o.scope} · ` +
      '未计入法定期限 / not applied to statutory deadlines (R-WD-05)',
  };
}

/** Warnings dated in (after, through], or after `after` when `through` is null (a paused clock). */
export function warningsBetween(
  warnings: readonly OverrideWarning[],
  after: LocalDate,
  through: LocalDate | null,
): OverrideWarning[] {
  return warnings.filter((w) => w.date > after && (through === null || w.date <= through));
}
