import type { ReasonCode } from '../../../shared/domain/reason-code';

/** Minimum password rules; returns the reason a password is refused, or null when acceptable. */
export function passwordProblem(password: string): ReasonCode | null {
  if (password.length < 10) return 'password-too-short';
  if (password.length > 200) return 'password-too-long';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    return 'password-needs-letters-and-digits';
  return null;
}

/** Lockout after repeated failures: 5 failures lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, lockMinutes: 15 } as const;
