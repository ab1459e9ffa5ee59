import { Global, Module } from '@nestjs/common';
import { PrincipalsRepository } from './principals.repository';

/** Resolves tokens to principals; used by the global AuthGuard and by bull-board's gate. */
@Global()
@Module({ providers: [PrincipalsRepository], exports: [PrincipalsRepository] })
export class AccessModule {}
