import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { IsString, Length } from 'class-validator';
import { Public } from '../../infra/http/public.decorator';
import { RequestsQueryService, type TrackingView } from './requests-query.service';

export class TrackDto {
  @ApiProperty({ example: 'DQ-GA-2026-000123' }) @IsString() @Length(8, 40) referenceNo: string;
  @ApiProperty({
    example: 'K7QM-2XRD-9WT3F',
    description: 'The tracking code printed on the receipt',
  })
  @IsString()
  @Length(13, 20)
  trackingCode: string;
}

/**
 * Following a case without an account: the reference number and the tracking code printed on
 * the receipt. Rate-limited hard (10 a minute per address); a wrong pair is a plain 404.
 */
@ApiTags('requests')
@Controller('api/v1/track')
export class TrackingController {
  constructor(private readonly queries: RequestsQueryService) {}

  @Post()
  @HttpCode(200)
  @Public()
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({
    summary:
      'Status, dates and letters of a case by reference number and tracking code (no sign-in)',
  })
  @ApiOkResponse({ description: 'No personal data, no staff ids' })
  track(@Body() dto: TrackDto): Promise<TrackingView> {
    return this.queries.track(dto.referenceNo, dto.trackingCode);
  }
}
