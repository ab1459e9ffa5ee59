import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage } from '../../../src/infra/storage/local-disk.storage';
import { InvalidStorageKeyError } from '../../../src/infra/storage/storage';

describe(LocalDiskStorage.name, () => {
  const root = mkdtempSync(join(tmpdir(), 'govinfo-storage-'));
  const storage = new LocalDiskStorage(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores content with its size and SHA-256 and reads it back', async () => {
    const content = Buffer.from('答复书 reply letter');
    const stored = await storage.put('cases/2026/abc/reply.pdf', content);
    expect(stored).toEqual({
      key: 'cases/2026/abc/reply.pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(await text(await storage.get('cases/2026/abc/reply.pdf'))).toBe('答复书 reply letter');
    expect(await storage.exists('cases/2026/abc/reply.pdf')).toBe(true);
  });

  it('deletes objects', async () => {
    await storage.put('tmp/x.txt', Buffer.from('x'));
    await storage.delete('tmp/x.txt');
    expect(await storage.exists('tmp/x.txt')).toBe(false);
  });

  it.each(['../etc/passwd', '/abs/path', 'a/../../b', 'UPPER/case', 'a//b', ''])(
    'refuses the unsafe key %p',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(InvalidStorageKeyError);
    },
  );
});
