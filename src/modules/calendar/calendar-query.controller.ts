import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { fieldProblem, Refusal } from '../../infra/http/domain-error';
import { Public } from '../../infra/http/public.decorator';
import { computeDeadline, type DeadlineOutput } from '../deadlines/domain/deadline-query';
import { calculateFee, type FeeResult } from '../fees/domain/fee-calculator';
import { feeRequestOf } from '../fees/domain/fee-query';
import {
  DAYS_EXAMPLE,
  DEADLINE_EXAMPLE,
  FEE_EXAMPLE,
  PERIOD_EXAMPLE,
  YEARS_EXAMPLE,
} from './calendar-api.examples';
import { setCalendarCacheHeaders } from './calendar-http-cache';
import { CalendarService } from './calendar.service';
import { listDays, type DayView } from './domain/day-list';
import { warningsBetween, type OverrideWarning } from './domain/override-scope';
import { parsePauseRange } from './domain/pause-range';
import { computePeriod, PERIOD_UNITS, type PeriodOutput } from './domain/period-query';
import type { YearSummary } from './domain/year-summary';
import {
  DaysQueryDto,
  DeadlineQueryDto,
  FeeQueryDto,
  PeriodQueryDto,
} from './dto/calendar-query.dto';

const CACHED =
  'Cacheable: `Cache-Control: public, max-age=300` and an ETag that changes with the calendar version (304 on If-None-Match).';

/**
 * The public calendar API: the same answers as the CLI commands deadline, period and fee (shared
 * domain functions, identical JSON), plus day statuses and the covered years.
 */
@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarQueryController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('deadline')
  @Public()
  @ApiOperation({
    summary: 'Reply deadline of an OGI application (the JSON of `govinfo deadline`)',
    description: `Anchor day not counted (R-CNT-01), working days (R-WD-01), pauses (start, end] (D-6), correction restart (R-COR-03), extension (R-CNT-07); \`provisional\` when it reaches a year without a published notice (R-WD-04). With \`agency\`, a \`warnings\` list of that agency's local overrides the count passes over and does not apply (R-WD-05). ${CACHED}`,
  })
  @ApiOkResponse({ schema: { example: DEADLINE_EXAMPLE } })
  async deadline(
    @Query() q: DeadlineQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeadlineOutput & { warnings?: OverrideWarning[] }> {
    const view = await this.calendar.view(q.agency);
    const pauses = (q.pause ?? []).map((p, i) => parsePauseRange(p, `pause[${i}]`));
    const out = computeDeadline(
      view.calendar,
      {
        received: q.received,
        ...(q.regime !== undefined ? { regime: q.regime } : {}),
        ...(q.correctionReceived !== undefined ? { correctionReceived: q.correctionReceived } : {}),
        pauses,
        ...(q.extension !== undefined ? { extension: q.extension } : {}),
      },
      q.trace === 'true',
    );
    setCalendarCacheHeaders(res, view.effective);
    if (!view.agency) return out;
    return { ...out, warnings: warningsBetween(view.warnings, out.anchor, out.replyDue) };
  }

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

  @Get('fee')
  @Public()
  @ApiOperation({
    summary: 'Information-processing fee, 国办函〔2020〕109号 (the JSON of `govinfo fee`)',
    description: `per-piece with monthCount or nth, or per-volume with pages (D-8); optional received (no fee before 2021-01-01, R-FEE-09). ${CACHED}`,
  })
  @ApiOkResponse({ schema: { example: FEE_EXAMPLE } })
  async fee(
    @Query() q: FeeQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FeeResult> {
    const out = calculateFee(
      feeRequestOf({
        method: q.method,
        ...(q.nth !== undefined ? { nth: q.nth } : {}),
        ...(q.monthCount !== undefined ? { monthCount: q.monthCount } : {}),
        ...(q.pages !== undefined ? { pages: q.pages } : {}),
        ...(q.received !== undefined ? { receivedOn: q.received } : {}),
      }),
    );
    setCalendarCacheHeaders(res, await this.calendar.current());
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
