import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { invalidField, Refusal } from '../../infra/http/domain-error';
import { AuditService } from '../audit/audit.service';
import { Storage } from '../../infra/storage/storage';
import type { Principal } from '../access/domain/principal';
import { CaseAccess } from './case-access.service';
import { CaseAttachment, type AttachmentKind } from './case-attachment.entity';
import { CaseChanges } from './case-changes.service';
import { CasesRepository } from './cases.repository';
import { MAX_ATTACHMENT_BYTES, safeFilename, sniffContentType } from './domain/attachment-policy';

export const ATTACHMENT_KINDS: AttachmentKind[] = [
  'scan',
  'reply_document',
  'evidence',
  'service_proof',
];
/** What applicants may download from their own cases. */
const APPLICANT_KINDS: AttachmentKind[] = ['scan', 'reply_document'];

/** Files on a case behind the Storage port: checked type and size, SHA-256, safe names. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly cases: CasesRepository,
    @Inject(Storage) private readonly storage: Storage,
    private readonly access: CaseAccess,
    private readonly changes: CaseChanges,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async upload(
    p: Principal,
    caseId: string,
    kind: AttachmentKind,
    file: { originalname: string; buffer: Buffer; size: number } | undefined,
  ): Promise<CaseAttachment> {
    if (!file) throw invalidField('file', 'attachment-missing');
    if (!ATTACHMENT_KINDS.includes(kind)) throw invalidField('kind', 'attachment-kind');
    if (file.size > MAX_ATTACHMENT_BYTES) throw invalidField('file', 'attachment-too-large');
    const sniffed = sniffContentType(file.buffer, file.originalname);
    if (!sniffed) throw invalidField('file', 'attachment-type');
    return this.uow.run(async (tx) => {
      const m = tx.m;
      const { c, actor } = await this.access.load(m, p, caseId, { lock: true });
      if (actor !== 'clerk')
        throw new Refusal('actor-not-allowed', { action: 'attach', actionLabel: '上传附件' });
      const id = randomUUID();
      const key = `cases/${c.year}/${c.id}/${id}.${sniffed.ext}`;
      const stored = await this.storage.put(key, file.buffer);
      const row = m.getRepository(CaseAttachment).create({
        id,
        caseYear: c.year,
        caseId: c.id,
        kind,
        filename: safeFilename(file.originalname, sniffed.ext),
        contentType: sniffed.type,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: key,
        uploadedBy: p.userId,
      });
      await m.getRepository(CaseAttachment).insert(row);
      await this.changes.note(tx, c, {
        actorId: p.userId,
        actor: 'clerk',
        action: 'attach',
        payload: { attachmentId: id, kind, sha256: stored.sha256, size: stored.size },
      });
      return row;
    });
  }

  async list(p: Principal, caseId: string): Promise<CaseAttachment[]> {
    const { c, actor } = await this.access.load(this.cases.reader, p, caseId, {
      applicantAllowed: true,
    });
    const rows = await this.cases.attachments(c.id);
    return actor === 'applicant' ? rows.filter((r) => APPLICANT_KINDS.includes(r.kind)) : rows;
  }

  /** The file, verified against its recorded SHA-256 before it is served. */
  async download(
    p: Principal,
    caseId: string,
    attachmentId: string,
    ip: string | null = null,
  ): Promise<{ row: CaseAttachment; stream: Readable }> {
    const rows = await this.list(p, caseId);
    const row = rows.find((r) => r.id === attachmentId);
    if (!row) throw new Refusal('attachment-not-found');
    // Files are the applicant's own papers (identity documents, correspondence): every staff
    // download is an unmasked view of personal data.
    if (p.kind === 'staff')
      await this.audit.record({
        actorId: p.userId,
        action: 'personal-data.downloaded',
        targetType: 'attachment',
        targetId: row.id,
        ip,
        details: { caseId, kind: row.kind, filename: row.filename },
      });
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.get(row.storageKey)) chunks.push(chunk as Buffer);
    const content = Buffer.concat(chunks);
    if (createHash('sha256').update(content).digest('hex') !== row.sha256) {
      throw new Refusal('attachment-checksum');
    }
    return { row, stream: Readable.from(content) };
  }
}
