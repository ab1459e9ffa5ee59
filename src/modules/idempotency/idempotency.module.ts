import { Module } from '@nestjs/common';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyService } from './idempotency.service';

/** The `Idempotency-Key` store of every creating request (intake today). */
@Module({
  providers: [IdempotencyService, IdempotencyKeysRepository],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
