import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit log writer, available everywhere (api and worker). */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
