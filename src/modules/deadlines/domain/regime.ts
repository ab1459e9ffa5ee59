import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import { InvalidRegimeError } from './deadline-errors';
import { LEGAL_PERIODS as P } from './legal-periods';

/** The two versions of the OGI Regulations (R-REG-01). */
export const Regime = {
  Ogi2008: 'OGI-2008',
  Ogi2019: 'OGI-2019',
} as const;
export type Regime = (typeof Regime)[keyof typeof Regime];

export interface RegimeRules {
  readonly regime: Regime;
  /** R-DL-01: OGI-2019 Art 33 — 20 WD; OGI-2008 Art 24 — 15 WD. */
  readonly replyLimitWd: number;
  /** R-DL-02: maximum extension, same length as the base limit. */
  readonly maxExtensionWd: number;
  /** R-COR-01: OGI-2019 Art 30 — 7 WD from receipt; OGI-2008 sets no limit. */
  readonly correctionNoticeWd: number | null;
  /** R-TP-02: OGI-2019 Arts 32/34 — 15 WD from the party's receipt; OGI-2008 sets none. */
  readonly consultationReplyWd: number | null;
}

export const REGIME_RULES: Readonly<Record<Regime, RegimeRules>> = {
  [Regime.Ogi2008]: {
    regime: Regime.Ogi2008,
    replyLimitWd: P.replyOgi2008.length,
    maxExtensionWd: P.maxExtensionOgi2008.length,
    correctionNoticeWd: null,
    consultationReplyWd: null,
  },
  [Regime.Ogi2019]: {
    regime: Regime.Ogi2019,
    replyLimitWd: P.replyOgi2019.length,
    maxExtensionWd: P.maxExtensionOgi2019.length,
    correctionNoticeWd: P.correctionNotice.length,
    consultationReplyWd: P.consultationReply.length,
  },
};

/** OGI-2019 Art 56: in force 2019-05-15. Configurable (D-1; transition UNCONFIRMED). */
export const DEFAULT_REGIME_CUTOVER: LocalDate = '2019-05-15';

/** D-1: OGI-2019 when the ORIGINAL date of receipt is on or after the cutover, else OGI-2008. */
export function regimeFor(
  receivedOn: LocalDate,
  cutover: LocalDate = DEFAULT_REGIME_CUTOVER,
): Regime {
  return parseLocalDate(receivedOn, 'received') >= parseLocalDate(cutover, 'regimeCutover')
    ? Regime.Ogi2019
    : Regime.Ogi2008;
}

export function isRegime(value: unknown): value is Regime {
  return value === Regime.Ogi2008 || value === Regime.Ogi2019;
}

export function parseRegime(value: unknown, field = 'regime'): Regime {
  if (!isRegime(value)) throw new InvalidRegimeError(value, field);
  return value;
}
