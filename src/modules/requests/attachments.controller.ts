import {
  Body,
  Controller,
  Get,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IdParam } from '../../infra/http/input/id.pipe';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { AttachmentsService } from './attachments.service';
import type { AttachmentKind } from './case-attachment.entity';
import { MAX_ATTACHMENT_BYTES, utf8Name } from './domain/attachment-policy';

const view = (a: {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}) => ({
  id: a.id,
  kind: a.kind,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  createdAt: a.createdAt,
});

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/v1/requests/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @RequirePermission('cases.handle')
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        kind: { type: 'string', enum: ['scan', 'reply_document', 'evidence'] },
      },
    },
  })
  @ApiOperation({
    summary: 'Attach a scan or reply document (PDF, PNG, JPEG, TIFF, DOCX, XLSX; ≤ 20 MB)',
  })
  async upload(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer; size: number } | undefined,
    @Body('kind') kind: string,
  ) {
    return view(
      await this.attachments.upload(
        p,
        id,
        kind as AttachmentKind,
        file && { ...file, originalname: utf8Name(file.originalname) },
      ),
    );
  }

  @Get()
  @RequirePermission('self.read')
  @ApiOperation({ summary: 'Files of the request you may download' })
  async list(@CurrentPrincipal() p: Principal, @IdParam() id: string) {
    return (await this.attachments.list(p, id)).map(view);
  }

  @Get(':attachmentId')
  @RequirePermission('self.read')
  @ApiOperation({ summary: 'Download a file (checksum verified)' })
  async download(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @IdParam('attachmentId') attachmentId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { row, stream } = await this.attachments.download(p, id, attachmentId, req.ip ?? null);
    res.setHeader('content-type', row.contentType);
    res.setHeader('content-length', String(row.size));
    res.setHeader(
      'content-disposition',
      `attachment; filename="${row.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    stream.pipe(res);
  }
}
