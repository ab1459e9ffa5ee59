import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../infra/http/public.decorator';
import { DEADLINE_EXAMPLE, FEE_EXAMPLE } from '../calendar/calendar-api.examples';
import { setCalendarCacheHeaders } from '../calendar/calendar-http-cache';
import { CACHED } from '../calendar/calendar-query.controller';
import { CalendarService } from '../calendar/calendar.service';
import { warningsBetween, type OverrideWarning } from '../calendar/domain/override-scope';
import { parsePauseRange } from '../calendar/domain/pause-range';
import { calculateFee, type FeeResult } from '../fees/domain/fee-calculator';
import { feeRequestOf } from '../fees/domain/fee-query';
import { computeDeadline, type DeadlineOutput } from './domain/deadline-query';
import { DeadlineQueryDto, FeeQueryDto } from './dto/calculator-query.dto';

/**
 * The public calculators: the same answers as the CLI commands `deadline` and `fee` (shared
 * domain functions, identical JSON), on the calendar's paths.
 */
@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalculatorsController {
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
}
