import request from 'supertest';
import { generateHistory } from './annual-report-data';
import { login, WORLD, type World } from './fixtures';
import { act, intake, setToday } from './requests';
import type { TestApp } from './test-app';

/** The office facts DQ-GA announces for the public pages' tests (no fax: shown as 未公布). */
export const GA_CONTACT = {
  address: '黑龙江省大庆市萨尔图区东风路1号',
  officeHours: '工作日 8:30—11:30，13:30—17:00',
  phone: '0459-4600000',
  email: 'gongkai@ga.dq.gov.cn',
};

/**
 * Data for the public pages: two live replies of DQ-GA in 2026 (the supervision test's: one on
 * time after a consultation pause, 10 net working days; one late, 30), a generated history of
 * imported cases across DQ, DQ-GA's office facts, and DQ-GA's 2026 report published (today
 * 2028-02-01). The clock must start at 2026-03-02 (fixed).
 */
export async function seedPublicData(t: TestApp, w: World): Promise<void> {
  const http = () => request(t.app.getHttpServer());
  setToday(t.app, '2026-03-02');
  const a = await intake(t.app, w.tokens.clerk, {
    channel: 'in_person',
    submittedAt: '2026-03-02T10:00:00+08:00',
  });
  setToday(t.app, '2026-03-04');
  const started = await act(t.app, w.tokens.clerk, a.id, 'start-consultation', {
    partyKind: 'third_party',
    partyName: '某公司',
    subject: '商业秘密',
    sentOn: '2026-03-04',
  }).expect(200);
  setToday(t.app, '2026-03-10');
  await act(t.app, w.tokens.clerk, a.id, 'close-consultation', {
    consultationId: (started.body as { consultations: Array<{ id: string }> }).consultations[0].id,
    partyReceivedOn: '2026-03-05',
    answeredOn: '2026-03-10',
    outcome: 'consent',
  }).expect(200);
  setToday(t.app, '2026-03-20');
  await act(t.app, w.tokens.clerk, a.id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
  await act(t.app, w.tokens.clerk, a.id, 'record-service', {
    method: 'in_person',
    servedOn: '2026-03-20',
  }).expect(200);
  const b = await intake(t.app, w.tokens.clerk, {
    channel: 'in_person',
    submittedAt: '2026-02-02T10:00:00+08:00',
  });
  await act(t.app, w.tokens.clerk, b.id, 'reply', { replyType: 'NOT_EXIST' }).expect(200);
  await act(t.app, w.tokens.clerk, b.id, 'record-service', {
    method: 'post',
    servedOn: '2026-03-20',
  }).expect(200);
  await http()
    .patch('/api/v1/agencies/DQ-GA')
    .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
    .send(GA_CONTACT)
    .expect(200);
  setToday(t.app, '2028-02-01');
  for (const who of ['reporter', 'parentSupervisor'] as const)
    w.tokens[who] = await login(t.app, WORLD.staff[who].email);
  await generateHistory(t.app, 400);
  const key = { year: 2026, agencyCode: 'DQ-GA' };
  await http()
    .post('/api/v1/reports/annual/review')
    .set('authorization', `Bearer ${w.tokens.parentSupervisor}`)
    .send(key)
    .expect(200);
  await http()
    .post('/api/v1/reports/annual/publish')
    .set('authorization', `Bearer ${w.tokens.reporter}`)
    .send(key)
    .expect(200);
}
