import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { fieldProblem, Refusal } from '../../infra/http/domain-error';
import { Public } from '../../infra/http/public.decorator';
import { DAYS_EXAMPLE, PERIOD_EXAMPLE, YEARS_EXAMPLE } from './calendar-api.examples';
import { setCalendarCacheHeaders } from './calendar-http-cache';
import { CalendarService } from './calendar.service';
import { listDays, type DayView } from './domain/day-list';
import { computePeriod, PERIOD_UNITS, type PeriodOutput } from './domain/period-query';
import type { YearSummary } from './domain/year-summary';
import { DaysQueryDto, PeriodQueryDto } from './dto/calendar-query.dto';

export const CACHED =
  'Cacheable: `Cache-Control: public, max-age=300` and an ETag that changes with the calendar version (304 on If-None-Match).';

/**
 * The public calendar API: periods (the answer of the CLI command `period`), day statuses and
 * the covered years. The deadline and fee calculators are the deadlines module's.
 */
@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarQueryController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('period')
  @Public()
  @ApiOperation({
    summary: 'End of a calendar-day, month or working-day period (the JSON of `govinfo period`)',
    description: `Start day not counted (R-PER-01); calendar days and months roll forward to a working day (R-PER-02, R-PER-04, D-9). Give exactly one of calendarDays, months, workingDays. ${CACHED}`,
  })
  @ApiOkResponse({ schema: { example: PERIOD_EXAMPLE } })
  async period(
    @Query() q: PeriodQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PeriodOutput> {
    const given = PERIOD_UNITS.filter((u) => q[u] !== undefined);
    if (given.length !== 1) {
      throw new Refusal(
        'one-period-unit',
        {},
        (given.length ? given : PERIOD_UNITS).map((field) =>
          fieldProblem(field, 'one-period-unit'),
        ),
      );
    }
    const unit = given[0];
    const effective = await this.calendar.current();
    const out = computePeriod(effective.national, q.from, unit, q[unit] as number);
    setCalendarCacheHeaders(res, effective);
    return out;
  }

  @Get('days')
  @Public()
  @ApiOperation({
    summary: 'Status of every day from `from` to `to` (at most 400 days)',
    description: `kind: workday, weekend, holiday, makeup (调休上班, R-CNT-03), override-closed, override-open; holiday names; \`provisional\` for years without a published notice (R-WD-04). With \`agency\`, local overrides not applied are listed in each day's \`warnings\` (R-WD-05). ${CACHED}`,
  })
  @ApiOkResponse({ schema: { example: DAYS_EXAMPLE } })
  async days(
    @Query() q: DaysQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DayView[]> {
    const view = await this.calendar.view(q.agency);
    const out = listDays(view.calendar, q.from, q.to, view.warnings);
    setCalendarCacheHeaders(res, view.effective);
    return out;
  }

  @Get('years')
  @Public()
  @ApiOperation({
    summary:
      'Covered years with provenance (notice URL and date; bundled dataset or imported) and working-day counts',
    description: `Years not listed are provisional: weekends rest, weekdays work (R-WD-04). ${CACHED}`,
  })
  @ApiOkResponse({ schema: { example: YEARS_EXAMPLE } })
  async years(@Res({ passthrough: true }) res: Response): Promise<readonly YearSummary[]> {
    const effective = await this.calendar.current();
    setCalendarCacheHeaders(res, effective);
    return effective.years();
  }
}
