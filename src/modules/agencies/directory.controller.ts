import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../infra/http/public.decorator';
import { AgenciesService } from './agencies.service';
import { AgencyView } from './agency.view';

/** Public list of active agencies, for citizens choosing where to apply. */
@ApiTags('agencies')
@Controller('api/v1/directory')
export class DirectoryController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Active agencies with their announced channels and contacts (public)' })
  @ApiOkResponse({ type: AgencyView, isArray: true })
  async list(): Promise<AgencyView[]> {
    return (await this.agencies.directory()).map((r) => AgencyView.of(r.agency, r.parentCode));
  }
}
