import { Module } from '@nestjs/common';
import { AgenciesImportService } from './agencies-import.service';
import { AgenciesController } from './agencies.controller';
import { AgenciesRepository } from './agencies.repository';
import { AgenciesService } from './agencies.service';
import { DirectoryController } from './directory.controller';

@Module({
  controllers: [AgenciesController, DirectoryController],
  providers: [AgenciesService, AgenciesImportService, AgenciesRepository],
  exports: [AgenciesService, AgenciesImportService, AgenciesRepository],
})
export class AgenciesModule {}
