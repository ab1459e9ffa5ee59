import type { Request } from 'express';
import type { Authenticated } from './principals.repository';

export const SESSION_COOKIE = 'govinfo_session';

/** The bearer token or the portal session cookie of a request. */
export function credentialOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookies = req.headers.cookie;
  if (!cookies) return null;
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('=')) || null;
  }
  return null;
}

export type AuthedRequest = Request & { auth?: Authenticated | null };
