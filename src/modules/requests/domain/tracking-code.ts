import { createHash } from 'node:crypto';

/**
 * The tracking code (查询码) issued at every intake and printed on the receipt, so that an
 * applicant can follow a case without an account: 65 random bits in Crockford base32 (no I, L,
 * O, U), 13 characters typed in groups (`K7QM-2XRD-9WT3F`). Only its hash is stored.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_BITS = 65;

/** Formats 9 random bytes (72 bits, of which 65 are used) as a tracking code. */
export function formatTrackingCode(random: Uint8Array): string {
  if (random.length < 9) throw new Error('a tracking code needs 9 random bytes');
  let bits = 0n;
  for (const b of random.subarray(0, 9)) bits = (bits << 8n) | BigInt(b);
  bits >>= 72n - BigInt(TRACKING_CODE_BITS);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/**
 * The canonical form of what a person typed: upper case, no separators, and the letters people
 * confuse read as the digits they stand for (O → 0, I/L → 1). Null when it cannot be a code.
 */
export function normalizeTrackingCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{13}$/.test(s) ? s : null;
}

/** SHA-256 of a tracking code's canonical form (the code itself is never stored). */
export function trackingCodeHash(code: string): string | null {
  const canonical = normalizeTrackingCode(code);
  return canonical ? createHash('sha256').update(canonical).digest('hex') : null;
}
