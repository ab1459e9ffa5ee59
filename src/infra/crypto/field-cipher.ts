import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encrypts personal data at rest (AES-256-GCM, random IV per value) and computes a keyed
 * blind index (HMAC-SHA256) so equal values can be found without decrypting.
 * Stored form: `v1.<base64 iv|tag|ciphertext>`.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('FieldCipher needs a 32-byte key');
    this.encKey = createHmac('sha256', key).update('govinfo/pii/enc').digest();
    this.macKey = createHmac('sha256', key).update('govinfo/pii/mac').digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1.')) throw new Error('unknown ciphertext format');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  encryptNullable(plain: string | null | undefined): string | null {
    return plain == null || plain === '' ? null : this.encrypt(plain);
  }

  decryptNullable(stored: string | null): string | null {
    return stored == null ? null : this.decrypt(stored);
  }

  /** Deterministic keyed digest for lookups (e.g. the same ID number filed twice). */
  blindIndex(value: string): string {
    return createHmac('sha256', this.macKey)
      .update(value.normalize('NFKC').toUpperCase())
      .digest('hex');
  }
}
