import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { InvalidStorageKeyError, Storage, STORAGE_KEY, type StoredObject } from './storage';

/** Files under STORAGE_DIR; writes go to a temporary name first, then are renamed. */
export class LocalDiskStorage extends Storage {
  constructor(private readonly root: string) {
    super();
  }

  private path(key: string): string {
    if (!STORAGE_KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..')) {
      throw new InvalidStorageKeyError(key);
    }
    return join(this.root, key);
  }

  async put(key: string, content: Buffer): Promise<StoredObject> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await writeFile(tmp, content, { flag: 'wx' });
    await rename(tmp, target);
    return {
      key,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
  }

  async get(key: string): Promise<Readable> {
    const p = this.path(key);
    await access(p);
    return createReadStream(p);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.path(key));
      return true;
    } catch (err) {
      if (err instanceof InvalidStorageKeyError) throw err;
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
