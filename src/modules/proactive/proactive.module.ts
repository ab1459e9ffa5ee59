import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ProactiveImport } from './proactive-import.service';
import { ProactiveRepository } from './proactive.repository';
import { ProactiveService } from './proactive.service';

/** The proactive-disclosure register and the section 二 figures (for the annual report). */
@Module({
  imports: [AgenciesModule],
  providers: [ProactiveImport, ProactiveRepository, ProactiveService],
  exports: [ProactiveImport, ProactiveService],
})
export class ProactiveModule {}
