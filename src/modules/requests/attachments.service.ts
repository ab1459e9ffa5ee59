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
import { isOpen } from './domain/case-status';

/** What staff attach; applicants add `applicant_document` files from their own request page. */
export const ATTACHMENT_KINDS: AttachmentKind[] = [
  'scan',
  'reply_document',
  'evidence',
  'service_proof',
];
/** What applicants may download from their own cases. */
const APPLICANT_KINDS: AttachmentKind[] = ['scan', 'reply_document', 'applicant_document'];
/** Most files one upload (a filing, a correction answer) may carry. */
export const MAX_FILES_PER_UPLOAD = 5;

export interface IncomingFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/**
 * The type and size checks of every upload, before anything is written (so a form can show
 * them next to its file field before the filing itself is made). `field` names the form field.
 */
export function checkedFiles(
  files: readonly IncomingFile[] | undefined,
  field = 'file',
): Array<IncomingFile & { sniffed: { type: string; ext: string } }> {
  if (!files?.length) throw invalidField(field, 'attachment-missing');
  if (files.length > MAX_FILES_PER_UPLOAD) throw invalidField(field, 'attachment-too-many');
  return files.map((file) => {
    if (file.size > MAX_ATTACHMENT_BYTES) throw invalidField(field, 'attachment-too-large');
    const sniffed = sniffContentType(file.buffer, file.originalname);
    if (!sniffed) throw invalidField(field, 'attachment-type');
    return { ...file, sniffed };
  });
}

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
    file: IncomingFile | undefined,
  ): Promise<CaseAttachment> {
    return (await this.uploadMany(p, caseId, kind, file ? [file] : undefined))[0];
  }

  /**
   * Files added to a case in one transaction, each with its `attach` event: staff attach scans,
   * reply documents, evidence and proofs of service; the applicant adds `applicant_document`
   * files to an open request of their own.
   */
  async uploadMany(
    p: Principal,
    caseId: string,
    kind: AttachmentKind,
    incoming: readonly IncomingFile[] | undefined,
    field = 'file',
  ): Promise<CaseAttachment[]> {
    const applicantKind = kind === 'applicant_document';
    if (!applicantKind && !ATTACHMENT_KINDS.includes(kind))
      throw invalidField('kind', 'attachment-kind');
    const files = checkedFiles(incoming, field);
    return this.uow.run(async (tx) => {
      const m = tx.m;
      const { c, actor } = await this.access.load(m, p, caseId, {
        lock: true,
        applicantAllowed: applicantKind,
      });
      if (actor !== (applicantKind ? 'applicant' : 'clerk'))
        throw new Refusal('actor-not-allowed', { action: 'attach', actionLabel: '上传附件' });
      if (applicantKind && !isOpen(c.status)) throw new Refusal('attachment-case-closed');
      // A resubmitted form (the same filing after a lost answer) adds each file once.
      const present = applicantKind
        ? new Set(
            (await m.getRepository(CaseAttachment).findBy({ caseId: c.id, kind })).map(
              (r) => r.sha256,
            ),
          )
        : new Set<string>();
      const rows: CaseAttachment[] = [];
      for (const file of files) {
        if (present.has(createHash('sha256').update(file.buffer).digest('hex'))) continue;
        const id = randomUUID();
        const key = `cases/${c.year}/${c.id}/${id}.${file.sniffed.ext}`;
        const stored = await this.storage.put(key, file.buffer);
        rows.push(
          m.getRepository(CaseAttachment).create({
            id,
            caseYear: c.year,
            caseId: c.id,
            kind,
            filename: safeFilename(file.originalname, file.sniffed.ext),
            contentType: file.sniffed.type,
            size: stored.size,
            sha256: stored.sha256,
            storageKey: key,
            uploadedBy: p.userId,
          }),
        );
      }
      if (rows.length === 0) return rows;
      await m.getRepository(CaseAttachment).insert(rows);
      for (const row of rows)
        await this.changes.note(tx, c, {
          actorId: p.userId,
          actor,
          action: 'attach',
          payload: { attachmentId: row.id, kind, sha256: row.sha256, size: row.size },
        });
      return rows;
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
