/**
 * Masked forms shown to everyone except the person and the staff handling their case,
 * e.g. 110105********1234 and 138****5678.
 */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** Keeps the first six characters (province/city/district) of an address. */
export function maskAddress(value: string): string {
  const chars = [...value];
  if (chars.length <= 6) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '****';
}

export function maskEmail(value: string): string {
  const [local, domain] = value.split('@');
  if (!domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}
