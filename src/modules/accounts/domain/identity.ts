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

/**
 * Identity documents (身份证明, OGI-2019 Art 29): the resident ID and the USCC, and what people
 * and organisations without them hold.
 */
export const ID_PROOF_TYPES = [
  'resident_id',
  'uscc',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'hmt_residence',
  'foreign_permanent',
  'org_certificate',
] as const;
export type IdProofType = (typeof ID_PROOF_TYPES)[number];

export const ID_PROOF_LABELS: Record<IdProofType, string> = {
  resident_id: '居民身份证',
  uscc: '统一社会信用代码',
  passport: '护照',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  hmt_residence: '港澳台居民居住证',
  foreign_permanent: '外国人永久居留身份证',
  org_certificate: '其他组织证书',
};

/** The format of each document's number (with its check character where it has one). */
export function isValidIdProof(type: IdProofType, value: string): boolean {
  switch (type) {
    case 'resident_id':
      return isResidentIdNumber(value);
    case 'uscc':
      return isUnifiedSocialCreditCode(value);
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(value);
    case 'hk_macau_permit':
      // 回乡证: H (Hong Kong) or M (Macao) + 8 or 10 digits.
      return /^[HM]\d{8}(\d{2})?$/.test(value);
    case 'taiwan_permit':
      // 台胞证: 8 digits (2015 card) or the older 10 digits with an optional letter.
      return /^(\d{8}|\d{10}[A-Z]?)$/.test(value);
    case 'hmt_residence':
      // GB 11643 layout with the 810000 / 820000 / 830000 region codes.
      return /^8[123]0000/.test(value) && isResidentIdNumber(value);
    case 'foreign_permanent':
      // 2017 card: 3 letters + 12 digits; 2023 card: 18 characters beginning with 9 (GB 11643 check).
      return /^[A-Z]{3}\d{12}$/.test(value) || (value.startsWith('9') && isResidentIdNumber(value));
    case 'org_certificate':
      return /^[0-9A-Z-]{6,30}$/.test(value);
  }
}

/**
 * What the blind index is computed over: (document type, number). The resident ID and the USCC
 * keep the bare number (their formats are disjoint and identify the type; rows indexed before
 * other documents existed stay comparable); every other document is prefixed by its type, so
 * the same digits on two kinds of document are never "the same applicant".
 */
export function identityIndexKey(type: IdProofType, number: string): string {
  return type === 'resident_id' || type === 'uscc' ? number : `${type}:${number}`;
}
