import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** Reading the audit log over HTTP (api role). */
@Module({ controllers: [AuditController] })
export class AuditApiModule {}
