import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCode } from '../../infra/http/domain-error';
import { RequirePermission } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/domain/principal';
import { isLetterKind, LETTER_KINDS } from './domain';
import { LettersService } from './letters.service';

@ApiTags('letters')
@ApiBearerAuth()
@Controller('api/v1/requests/:id/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @RequirePermission('self.read')
  @ApiOperation({ summary: 'The statutory letters that exist for this request' })
  list(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.letters.available(p, id);
  }

  @Get(':kind')
  @RequirePermission('self.read')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiParam({ name: 'kind', enum: LETTER_KINDS })
  @ApiQuery({ name: 'consultationId', required: false, description: 'consultation_letter: which consultation (staff only)' })
  @ApiOperation({ summary: 'A letter as printable A4 HTML (zh-CN) with letterhead, document number and, for replies, the remedy paragraph' })
  async get(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('kind') kind: string, @Query('consultationId') consultationId?: string): Promise<string> {
    if (!isLetterKind(kind)) throw new AppError(ErrorCode.NotFound, 'No such letter. 无此文书。');
    return (await this.letters.render(p, id, kind, consultationId)).html;
  }
}
