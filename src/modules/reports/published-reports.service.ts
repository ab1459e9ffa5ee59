import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Storage } from '../../infra/storage/storage';
import { Refusal } from '../../shared/domain/refusal';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { CONTENT_TYPES, type OutputFormat } from './render/render-report';
import { ReportRecordsRepository } from './report-records.repository';
import { versionView } from './report-workflow.service';

/**
 * The published reports, for everyone (the portal lists them per agency): every version with
 * its files, served from storage exactly as frozen at publication (checked against the SHA-256).
 */
@Injectable()
export class PublishedReportsService {
  constructor(
    private readonly records: ReportRecordsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly storage: Storage,
  ) {}

  async list(agencyCode: string) {
    const agency = await this.agencies.byCode(agencyCode);
    if (!agency) throw new Refusal('agency-not-found', { agency: agencyCode });
    return {
      agency: { code: agency.code, name: agency.name },
      reports: (await this.records.publishedOf(agency.id)).map((r) => ({
        id: r.id,
        year: r.year,
        subtree: r.subtree,
        title: `${r.year}年${agency.name}政府信息公开工作年度报告`,
        latestVersion: r.version,
        versions: r.versions.map(versionView),
      })),
    };
  }

  async file(
    reportId: string,
    version: number,
    format: string,
  ): Promise<{ body: Buffer; contentType: string; sha256: string; name: string }> {
    const v = Number.isInteger(version) ? await this.records.version(reportId, version) : null;
    const f = v?.files.find((x) => x.format === format);
    if (!v || !f) throw new Refusal('report-version-not-found');
    const chunks: Buffer[] = [];
    for await (const c of await this.storage.get(f.key)) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (createHash('sha256').update(body).digest('hex') !== f.sha256)
      throw new Refusal('attachment-checksum');
    return {
      body,
      contentType: CONTENT_TYPES[format as OutputFormat],
      sha256: f.sha256,
      name: f.key.slice(f.key.lastIndexOf('/') + 1),
    };
  }
}
