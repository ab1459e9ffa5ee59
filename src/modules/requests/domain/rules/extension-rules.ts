import type { LocalDate } from '../../../calendar/domain/local-date';
import { REGIME_RULES } from '../../../deadlines/domain/regime';
import { allow, refuse, refuseField, type Decision } from '../../../../shared/domain/refusal';
import type { CaseFacts } from '../case-facts';

export interface ExtensionFacts {
  readonly days: number;
  readonly approved: boolean | null;
}

/**
 * Art 33(2), D-5: one extension per reply period, at most the regime maximum (20 WD; 15 under
 * OGI-2008), asked on or before the current due date.
 */
export function decideExtensionRequest(
  c: Pick<CaseFacts, 'regime' | 'baseDue'>,
  extensions: readonly ExtensionFacts[],
  input: { readonly today: LocalDate; readonly days: number },
): Decision<void> {
  const regime = c.regime ?? 'OGI-2019';
  const max = REGIME_RULES[regime].maxExtensionWd;
  if (input.days > max) return refuseField('days', 'extension-too-long', { max, regime });
  if (extensions.some((e) => e.approved === true)) return refuse('extension-already-used');
  if (extensions.some((e) => e.approved === null)) return refuse('extension-pending');
  if (!c.baseDue || input.today > c.baseDue)
    return refuse('extension-too-late', { due: c.baseDue });
  return allow(undefined);
}

/** R-DL-03: the OGI office head decides; an approval must come on or before the due date. */
export function decideExtensionDecision(
  c: Pick<CaseFacts, 'baseDue'>,
  pending: ExtensionFacts | null,
  input: { readonly today: LocalDate; readonly approve: boolean },
): Decision<void> {
  if (!pending || pending.approved !== null) return refuse('no-extension-pending');
  if (input.approve && (!c.baseDue || input.today > c.baseDue))
    return refuse('extension-too-late', { due: c.baseDue });
  return allow(undefined);
}
