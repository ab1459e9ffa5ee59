import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { FieldCipher } from './field-cipher';

/** The PII key from configuration, or (outside production) one generated into DATA_DIR. */
export function piiKey(config: AppConfig): Buffer {
  if (config.security.piiKey) return Buffer.from(config.security.piiKey, 'base64');
  const file = join(config.dataDir, 'pii.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

@Global()
@Module({
  providers: [
    {
      provide: FieldCipher,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new FieldCipher(piiKey(c)),
    },
  ],
  exports: [FieldCipher],
})
export class CryptoModule {}
