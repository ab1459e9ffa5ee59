import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../infra/http/public.decorator';
import { IsAgencyCode } from '../agencies/dto/agency-code.validator';
import { PublishedReportsService } from './published-reports.service';

class PublishedReportsQueryDto {
  @ApiProperty({ example: 'DQ-GA' }) @IsAgencyCode() agencyCode: string;
}

/** The published annual reports (public; the portal shows them). */
@ApiTags('reports')
@Controller('api/v1/published-reports')
export class PublishedReportsController {
  constructor(private readonly published: PublishedReportsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "An agency's published annual reports, every version with its files" })
  list(@Query() q: PublishedReportsQueryDto) {
    return this.published.list(q.agencyCode);
  }

  @Get(':id/versions/:version/:format')
  @Public()
  @ApiOperation({ summary: 'One file of a published version, as frozen (SHA-256 in the ETag)' })
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version') version: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    const f = await this.published.file(
      id,
      /^\d{1,6}$/.test(version) ? Number(version) : NaN,
      format,
    );
    res.setHeader('ETag', `"${f.sha256}"`);
    res.setHeader('X-Content-SHA256', f.sha256);
    if (format === 'xlsx' || format === 'docx') res.attachment(f.name);
    res.type(f.contentType).send(f.body);
  }
}
