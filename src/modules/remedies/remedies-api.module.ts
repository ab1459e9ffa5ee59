import { Module } from '@nestjs/common';
import { RemediesController } from './remedies.controller';
import { RemediesModule } from './remedies.module';

/** Remedies over HTTP (api role). */
@Module({ imports: [RemediesModule], controllers: [RemediesController] })
export class RemediesApiModule {}
