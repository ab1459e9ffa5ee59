import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IdParam, isUuid } from '../../infra/http/input/id.pipe';
import { Refusal } from '../../infra/http/domain-error';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { isLetterKind } from '../correspondence/domain';
import { IssuedLettersRepository } from '../correspondence/issued-letters.repository';
import { CaseAccess } from './case-access.service';
import { CasesRepository } from './cases.repository';
import { LetterQueryDto } from './dto/letter-query.dto';

/** The letters of a case as issued: listed, and each served from storage as printable HTML. */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('api/v1/requests/:id/letters')
export class LettersController {
  constructor(
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly letters: IssuedLettersRepository,
  ) {}

  @Get()
  @RequirePermission('self.read')
  @ApiOperation({
    summary:
      'Letters issued for the case (applicants: those addressed to them), with document numbers and SHA-256',
  })
  @ApiOkResponse({ description: 'JSON list' })
  async list(@CurrentPrincipal() p: Principal, @IdParam() id: string) {
    const { c } = await this.access.load(this.cases.reader, p, id, { applicantAllowed: true });
    const rows = await this.letters.listForCase(c.id, p.kind === 'staff');
    return rows.map((l) => ({
      id: l.id,
      kind: l.kind,
      title: l.title,
      documentNumber: l.documentNumber,
      issuedOn: l.issuedOn,
      sha256: l.sha256,
      ...(l.ref ? { consultationId: l.ref } : {}),
    }));
  }

  @Get(':letter')
  @RequirePermission('self.read')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      'One letter as issued (by id, or the latest of a kind): the stored A4 HTML, never re-rendered',
  })
  async get(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Param('letter') ref: string,
    @Query() q: LetterQueryDto,
  ): Promise<string> {
    const consultationId = q.consultationId;
    const { c } = await this.access.load(this.cases.reader, p, id, { applicantAllowed: true });
    const letter = isUuid(ref)
      ? await this.letters.findForCase(c.id, ref)
      : isLetterKind(ref)
        ? await this.letters.latestOfKind(
            c.id,
            ref,
            ref === 'consultation_letter' ? (consultationId ?? '') : '',
          )
        : null;
    if (!letter || (!letter.toApplicant && p.kind !== 'staff'))
      throw new Refusal(isLetterKind(ref) ? 'letter-not-issued' : 'letter-not-found');
    return letter.html;
  }
}
