/** Resident identity card number (GB 11643-1999): 17 digits + check character. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    birth.getUTCFullYear() !== y ||
    birth.getUTCMonth() !== m - 1 ||
    birth.getUTCDate() !== d
  )
    return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17];
}

/** Unified social credit code (GB 32100-2015): 17 characters + check character. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isUnifiedSocialCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(value[i]), 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === value[17];
}

/** Builds the check character for 17 leading characters (used by factories and the demo). */
export function withResidentIdCheck(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + ID_CHECK[sum % 11];
}

export function withUsccCheck(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(first17[i]), 0);
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

export const ID_PROOF_TYPES = ['resident_id', 'uscc'] as const;
export type IdProofType = (typeof ID_PROOF_TYPES)[number];

export function isValidIdProof(type: IdProofType, value: string): boolean {
  return type === 'resident_id' ? isResidentIdNumber(value) : isUnifiedSocialCreditCode(value);
}
