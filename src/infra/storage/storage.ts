import type { Readable } from 'node:stream';

export interface StoredObject {
  readonly key: string;
  readonly size: number;
  /** Hex SHA-256 of the content, kept with the attachment row to detect tampering. */
  readonly sha256: string;
}

/** The storage port (attachments, letters). Adapter today: local disk. */
export abstract class Storage {
  abstract put(key: string, content: Buffer): Promise<StoredObject>;
  abstract get(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  abstract delete(key: string): Promise<void>;
}

/** Keys are server-generated: lower-case segments of [a-z0-9._-] joined by '/'. */
export const STORAGE_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key: ${JSON.stringify(key)}`);
  }
}
