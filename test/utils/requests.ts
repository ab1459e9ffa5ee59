import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Clock, FixedClock } from '../../src/infra/clock/clock';
import { WORLD } from './fixtures';

/** Sets the app's fixed clock to a Beijing wall-clock time on `date`. */
export function setToday(app: INestApplication, date: string, time = '10:00'): void {
  app.get<Clock, FixedClock>(Clock).set(`${date}T${time}:00+08:00`);
}

export const CONTENT = {
  agencyCode: 'DQ-GA',
  title: '2025年大庆市道路交通事故统计数据',
  description: '申请公开2025年全市道路交通事故起数、死亡人数的分月统计。',
  form: 'electronic',
  deliveryRoute: 'email',
};

export const APPLICANT = {
  category: 'np',
  name: WORLD.applicants.applicant.name,
  idNumber: WORLD.applicants.applicant.idNumber,
  phone: WORLD.applicants.applicant.phone,
  address: WORLD.applicants.applicant.address,
  email: WORLD.applicants.applicant.email,
  postcode: '163311',
};

/** A request filed online over the API by the applicant holding `token` (DQ-GA, portal delivery). */
export async function fileAsApplicant(
  app: INestApplication,
  token: string,
  title: string,
): Promise<{ id: string; ref: string }> {
  const res = await request(app.getHttpServer())
    .post('/api/v1/requests')
    .set('authorization', `Bearer ${token}`)
    .send({ ...CONTENT, title, description: '申请公开全文。', deliveryRoute: 'portal' });
  if (res.status !== 201)
    throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, ref: res.body.referenceNo as string };
}

/** Staff intake through the API; returns the created case body. */
export async function intake(
  app: INestApplication,
  token: string,
  fields: Record<string, unknown>,
): Promise<{ id: string; [k: string]: unknown }> {
  const res = await request(app.getHttpServer())
    .post('/api/v1/requests/intake')
    .set('authorization', `Bearer ${token}`)
    .send({ ...CONTENT, applicant: APPLICANT, channel: 'in_person', ...fields });
  if (res.status !== 201)
    throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

/** POST /api/v1/requests/:id/<action> as `token`. */
export function act(
  app: INestApplication,
  token: string,
  id: string,
  action: string,
  body: object = {},
) {
  return request(app.getHttpServer())
    .post(`/api/v1/requests/${id}/${action}`)
    .set('authorization', `Bearer ${token}`)
    .send(body);
}

/** GET /api/v1/requests/:id as `token`, expecting 200: the case view. */
export async function caseView(
  app: INestApplication,
  token: string,
  id: string,
): Promise<request.Response['body']> {
  const res = await request(app.getHttpServer())
    .get(`/api/v1/requests/${id}`)
    .set('authorization', `Bearer ${token}`)
    .expect(200);
  return res.body;
}
