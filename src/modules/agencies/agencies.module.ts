import { Module } from '@nestjs/common';
import { AgenciesImportService } from './agencies-import.service';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { DirectoryController } from './directory.controller';

@Module({
  controllers: [AgenciesController, DirectoryController],
  providers: [AgenciesService, AgenciesImportService],
  exports: [AgenciesService, AgenciesImportService],
})
export class AgenciesModule {}
