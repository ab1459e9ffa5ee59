/** Minimum password rules; returns a bilingual message, or null when acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少 10 个字符 · at least 10 characters';
  if (password.length > 200) return '密码过长 · too long';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码需包含字母和数字 · must contain letters and digits';
  return null;
}

/** Lockout after repeated failures: 5 failures lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, lockMinutes: 15 } as const;
