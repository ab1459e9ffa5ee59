import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsModule } from './reports.module';

/** The annual report over HTTP (api role). */
@Module({ imports: [ReportsModule], controllers: [ReportsController] })
export class ReportsApiModule {}
