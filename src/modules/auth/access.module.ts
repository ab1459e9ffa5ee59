import { Global, Module } from '@nestjs/common';
import { PrincipalLoader } from './principal.loader';

/** Resolves tokens to principals; used by the global AuthGuard and by bull-board's gate. */
@Global()
@Module({ providers: [PrincipalLoader], exports: [PrincipalLoader] })
export class AccessModule {}
