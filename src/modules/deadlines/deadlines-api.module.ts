import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CalculatorsController } from './calculators.controller';

/** The deadline and fee calculators over HTTP (api role). */
@Module({ imports: [CalendarModule], controllers: [CalculatorsController] })
export class DeadlinesApiModule {}
