import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/** The supervisor's view of a subtree (api role). */
@Module({ imports: [RequestsModule], controllers: [SupervisionController], providers: [SupervisionService] })
export class SupervisionModule {}
