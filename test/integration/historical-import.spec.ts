import { DataSource } from 'typeorm';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * `import cases` at scale: 100,000 generated lines in one run (the bar: under a minute on
 * this machine). The time is reported, not asserted (performance is shown by benchmarks).
 */
describe('historical import at scale', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({
      ROLE: 'api',
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-06-01T09:00:00+08:00',
    });
    const agencies = t.app.get(AgenciesService);
    await agencies.create(null, {
      code: 'HLJ',
      name: '黑龙江省人民政府',
      kind: 'government',
      parentCode: null,
    });
    for (const code of ['A', 'B', 'C', 'D'])
      await agencies.create(null, {
        code: `HLJ-${code}`,
        name: `测试厅${code}`,
        kind: 'department',
        parentCode: 'HLJ',
      });
  }, 60_000);
  afterAll(() => t.close());

  it('imports 100,000 lines and reports the time', async () => {
    const types = ['DISCLOSED', 'NOT_EXIST', 'PARTIAL_REDACTED', null];
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const day = `20${20 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const type = types[i % 4];
      lines.push(
        JSON.stringify({
          agencyCode: `HLJ-${'ABCD'[i % 4]}`,
          externalRef: `R${i}`,
          receivedOn: day,
          channel: 'online',
          applicantType: 'np',
          subject: `历史申请第${i}号`,
          topic: i % 3 ? '社会保障' : '城乡建设规划',
          replyType: type,
          repliedOn: type ? day : null,
          feeYuan: i % 50 === 0 ? 10 : undefined,
        }),
      );
    }
    const started = Date.now();
    const outcome = await t.app.get(HistoricalImport).import(lines.join('\n'));
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`historical import: 100000 lines in ${seconds.toFixed(1)} s\n`);
    expect(outcome).toMatchObject({ ok: true, created: 100_000, unchanged: 0 });
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM request_case WHERE source = 'import'`);
    expect(n).toBe(100_000);
  }, 180_000);
});
