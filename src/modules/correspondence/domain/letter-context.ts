import type { AgencyContact, RemedyBodies } from '../../agencies/domain/agency';
import type { LocalDate } from '../../calendar/domain/local-date';
import type { Regime } from '../../deadlines/domain/regime';
import type { DocumentNumberParts } from './letter-format';

/** The issuing agency as printed on the letterhead, signature and footer. */
export interface LetterAgency {
  /** Full name (全称), printed in red on the letterhead and in the signature block. */
  readonly name: string;
  readonly contact?: AgencyContact | null;
  /** Named in the remedy paragraph of replies (D-15); generic wording when absent. */
  readonly remedyBodies?: RemedyBodies | null;
}

/** What every letter carries, whatever its kind. */
export interface LetterBase {
  readonly agency: LetterAgency;
  /** 文号: parts (formatted by `documentNumber`) or an already formatted string. */
  readonly documentNumber: DocumentNumberParts | string;
  /** Case reference number, e.g. DQ-GA-2026-000123. */
  readonly referenceNumber: string;
  /** Date of the letter (成文日期), printed under the signature. */
  readonly issuedOn: LocalDate;
  /** Which version of the Regulations governs the case (R-REG-01, D-1). */
  readonly regime: Regime;
  /**
   * Years whose holiday notice was not yet published when a date printed in the letter was
   * counted (R-WD-04): the letter says those dates are provisional.
   */
  readonly provisionalYears?: readonly number[] | null;
}

/** The applicant, the addressee of every letter except the consultation letter. */
export interface LetterApplicant {
  /** Name of the citizen, or of the legal person / organisation. */
  readonly name: string;
}

/** What was requested (OGI-2019 Art 29(2)): at least a title or a description. */
export interface RequestSummary {
  readonly title?: string | null;
  /** 文号 of the requested document, when the applicant gave one. */
  readonly docNo?: string | null;
  readonly description?: string | null;
  /** 收到申请之日 (R-RCV-01 … R-RCV-06). */
  readonly receivedOn: LocalDate;
}

/** Letters addressed to the applicant about the application. */
export interface ApplicantLetterBase extends LetterBase {
  readonly applicant: LetterApplicant;
  readonly request: RequestSummary;
}
