import request from 'supertest';
import { seedWorld, type World } from '../utils/fixtures';
import { act, intake, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF or LF), enough to read the export back. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r' || text[i + 1] !== '\n') cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('CSV exports neutralise formula cells', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
    });
    w = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports a title that begins with =HYPERLINK( as text, with Chinese labels, the assignee and the pause reason', async () => {
    setToday(t.app, '2026-09-14');
    const title = '=HYPERLINK("http://evil.example/x","点击查看")';
    const c = await intake(t.app, w.tokens.clerk, {
      title,
      submittedAt: '2026-09-14T09:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    await act(t.app, w.tokens.clerk, c.id, 'start-consultation', {
      partyKind: 'third_party',
      partyName: '某公司',
      subject: '商业秘密',
    }).expect(200);
    const res = await http()
      .get('/api/v1/requests/export.csv')
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .expect(200);
    const rows = parse(res.text.replace(/^\uFEFF/, ''));
    const [header, ...body] = rows;
    const col = (name: string) => header.findIndex((h) => h.startsWith(name));
    const row = body.find((r) => r[col('标题')].includes('HYPERLINK'));
    expect(row).toBeDefined();
    expect(row![col('标题')]).toBe(`'${title}`);
    // No cell anywhere in the file starts as a formula.
    expect(rows.flat().filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    expect(row![col('状态')]).toBe('暂停计时');
    expect(row![col('申请人类别')]).toBe('自然人');
    expect(row![col('承办人')]).toBe('clerk');
    expect(row![col('暂停原因')]).toBe('征求意见');
  });
});
