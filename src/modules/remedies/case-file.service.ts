import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import JSZip from 'jszip';
import { Clock } from '../../infra/clock/clock';
import { Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { IssuedLettersRepository } from '../correspondence/issued-letters.repository';
import { buildTrace } from '../deadlines/domain/trace';
import { AttachmentsService } from '../requests/attachments.service';
import { CaseAccess } from '../requests/case-access.service';
import { CaseClock } from '../requests/case-clock.service';
import { CasesRepository } from '../requests/cases.repository';
import { renderCaseFile, type CaseFileData } from './domain/case-file';
import { KIND_LABELS } from './domain/remedy';
import { STATUS_LABELS } from './domain/remedy-status';
import { RemediesRepository } from './remedies.repository';

export interface CaseFile {
  readonly html: string;
  readonly zip: Buffer;
  /** SHA-256 of the ZIP (audited with each generation). */
  readonly sha256: string;
  readonly filename: string;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
/** A safe file name from a document number or upload name. */
const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120);

/**
 * Assembles the evidence bundle for a remedy: one printable HTML with an index, plus a ZIP of
 * the originals (letters as issued, attachments verified against their SHA-256, the HTML, and a
 * manifest with every file's hash). Each generation is audited with the bundle's hash.
 */
@Injectable()
export class CaseFileService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly remedies: RemediesRepository,
    private readonly access: CaseAccess,
    private readonly cases: CasesRepository,
    private readonly letters: IssuedLettersRepository,
    private readonly attachments: AttachmentsService,
    private readonly caseClock: CaseClock,
    private readonly calendars: CalendarService,
    private readonly audit: AuditService,
  ) {}

  /** `actorId`: who is audited (the signed-in person; null for the command line). */
  async build(
    p: Principal,
    remedyId: string,
    ip: string | null = null,
    actorId: string | null = p.userId,
  ): Promise<CaseFile> {
    const m = this.remedies.reader;
    const r = await this.remedies.byId(m, remedyId);
    if (!r) throw new Refusal('remedy-not-found');
    const { c, agency } = await this.access.load(m, p, r.caseId, { applicantAllowed: false });
    const parts = await this.cases.detailParts(c.id, null);
    const zip = new JSZip();
    const manifest: Array<{ path: string; sha256: string }> = [];
    const add = (path: string, content: Buffer | string) => {
      zip.file(path, content, { date: new Date('2000-01-01T00:00:00Z') });
      manifest.push({ path, sha256: sha256(content) });
    };

    const letters: Array<CaseFileData['letters'][number]> = [];
    for (const meta of await this.letters.listForCase(c.id, true)) {
      const l = await this.letters.findForCase(c.id, meta.id);
      if (!l) continue;
      const file = `letters/${safe(`${l.issuedOn}_${l.documentNumber}_${l.kind}`)}.html`;
      add(file, l.html);
      letters.push({
        file,
        title: l.title,
        documentNumber: l.documentNumber,
        issuedOn: l.issuedOn,
        sha256: l.sha256,
        html: l.html,
      });
    }
    const attachments: Array<CaseFileData['attachments'][number]> = [];
    const fileOf = new Map<string, string>();
    for (const row of await this.cases.attachments(c.id)) {
      const { stream } = await this.attachments.download(p, c.id, row.id);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const file = `attachments/${safe(`${row.id.slice(0, 8)}_${row.filename}`)}`;
      add(file, Buffer.concat(chunks));
      fileOf.set(row.id, file);
      attachments.push({ file, kind: row.kind, sha256: row.sha256, size: row.size });
    }

    const cal = await this.calendars.calendarFor(c.agencyId);
    const clock = this.caseClock.compute(cal, c, {
      consultations: parts.consultations,
      feeNotice: parts.feeNotice,
      extensions: parts.extensions,
    });
    const trace = clock
      ? buildTrace(cal, {
          anchor: clock.anchor,
          limitWd: clock.limitWd,
          extension: clock.extension,
          pauses: clock.pauses.map((x) => ({
            start: x.start,
            end: x.end,
            reason: x.reasons.join(','),
          })),
        })
      : null;
    const years = trace ? [...new Set(trace.days.map((d) => Number(d.date.slice(0, 4))))] : [];
    const notices = years.map((y) => {
      const a = cal.arrangement(y);
      return { year: y, url: a?.noticeUrl ?? null, date: a?.noticeDate ?? null };
    });
    const data: CaseFileData = {
      generatedAt: this.clock.now().toISOString(),
      agencyName: agency.name,
      remedy: {
        kindLabel: KIND_LABELS[r.kind],
        bodyName: r.bodyName,
        bodyCaseNo: r.bodyCaseNo,
        appliedOn: r.appliedOn,
        statusLabel: STATUS_LABELS[r.status],
      },
      application: {
        referenceNo: c.referenceNo,
        title: c.title,
        description: c.description,
        applicantName: c.applicantName,
        channel: c.channel,
        submittedAt: c.submittedAt.toISOString(),
        receivedOn: c.receivedOn,
      },
      letters,
      services: parts.services.map((s) => ({
        method: s.method,
        servedOn: s.servedOn,
        deliveredOn: s.deliveredOn,
        trackingNo: s.trackingNo,
        proofFile: s.proofAttachmentId ? (fileOf.get(s.proofAttachmentId) ?? null) : null,
      })),
      attachments,
      trace,
      notices,
      caseEvents: parts.events.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        actor: e.actorRole,
        reason: e.reason,
      })),
      remedyEvents: (await this.remedies.events(m, r.id)).map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        actor: e.actorRole,
      })),
    };
    const html = renderCaseFile(data);
    add('case-file.html', html);
    zip.file(
      'manifest.json',
      JSON.stringify({ referenceNo: c.referenceNo, remedyId: r.id, files: manifest }, null, 2),
      {
        date: new Date('2000-01-01T00:00:00Z'),
      },
    );
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const hash = sha256(buffer);
    await this.audit.record({
      actorId,
      action: 'remedy.case-file',
      targetType: 'remedy',
      targetId: r.id,
      agencyId: r.agencyId,
      ip,
      details: { sha256: hash, files: manifest.length },
    });
    return { html, zip: buffer, sha256: hash, filename: `case-file_${safe(c.referenceNo)}.zip` };
  }
}
