import { Module } from '@nestjs/common';
import { ProactiveController } from './proactive.controller';
import { ProactiveModule } from './proactive.module';

/** The register and the figures over HTTP (api role). */
@Module({ imports: [ProactiveModule], controllers: [ProactiveController] })
export class ProactiveApiModule {}
