import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../src/modules/accounts/accounts.service';
import { withResidentIdCheck } from '../../src/modules/accounts/domain/identity';
import { User } from '../../src/modules/accounts/user.entity';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import type { StaffRole } from '../../src/modules/access/domain/roles';

export const PASSWORD = 'correct-horse-42';

/**
 * A small province: HLJ (root government) → DQ (city government) → DQ-GA, DQ-JY
 * (departments), and one person per role, each able to sign in with PASSWORD.
 */
export const WORLD = {
  agencies: [
    { code: 'HLJ', name: '黑龙江省人民政府', kind: 'government', parentCode: null },
    { code: 'DQ', name: '大庆市人民政府', kind: 'government', parentCode: 'HLJ' },
    { code: 'DQ-GA', name: '大庆市公安局', kind: 'department', parentCode: 'DQ' },
    { code: 'DQ-JY', name: '大庆市教育局', kind: 'department', parentCode: 'DQ' },
  ],
  staff: {
    rootAdmin: { email: 'admin@hlj.gov.cn', roles: [{ agencyCode: 'HLJ', role: 'admin' }] },
    otherAdmin: { email: 'admin@jy.dq.gov.cn', roles: [{ agencyCode: 'DQ-JY', role: 'admin' }] },
    parentSupervisor: {
      email: 'head@dq.gov.cn',
      roles: [{ agencyCode: 'DQ', role: 'supervisor' }],
    },
    clerk: { email: 'clerk@ga.dq.gov.cn', roles: [{ agencyCode: 'DQ-GA', role: 'clerk' }] },
    otherClerk: { email: 'clerk@jy.dq.gov.cn', roles: [{ agencyCode: 'DQ-JY', role: 'clerk' }] },
    reporter: {
      email: 'report@ga.dq.gov.cn',
      roles: [{ agencyCode: 'DQ-GA', role: 'reporting_officer' }],
    },
  },
  applicants: {
    applicant: {
      email: 'zhang.san@example.com',
      name: '张三',
      idNumber: withResidentIdCheck('23060219800101123'),
      phone: '13812345678',
      address: '黑龙江省大庆市萨尔图区中央大街1号',
    },
    otherApplicant: {
      email: 'li.si@example.com',
      name: '李四',
      idNumber: withResidentIdCheck('23060219900202234'),
      phone: '13987654321',
      address: '黑龙江省大庆市让胡路区西宾路2号',
    },
  },
} as const satisfies {
  agencies: Array<{ code: string; name: string; kind: string; parentCode: string | null }>;
  staff: Record<string, { email: string; roles: Array<{ agencyCode: string; role: StaffRole }> }>;
  applicants: Record<
    string,
    { email: string; name: string; idNumber: string; phone: string; address: string }
  >;
};

export type Actor = keyof typeof WORLD.staff | keyof typeof WORLD.applicants;

export interface World {
  ids: Record<Actor, string>;
  tokens: Record<Actor, string>;
}

export async function seedWorld(app: INestApplication): Promise<World> {
  const agencies = app.get(AgenciesService);
  for (const a of WORLD.agencies) {
    await agencies.create(null, { ...a });
  }
  const accounts = app.get(AccountsService);
  const ids = {} as Record<Actor, string>;
  for (const [key, s] of Object.entries(WORLD.staff)) {
    const user = await accounts.createStaff(null, {
      email: s.email,
      displayName: key,
      roles: [...s.roles],
      password: PASSWORD,
    });
    ids[key as Actor] = user.id;
  }
  for (const [key, a] of Object.entries(WORLD.applicants)) {
    const user = await accounts.registerApplicant(
      {
        email: a.email,
        password: PASSWORD,
        category: 'np',
        name: a.name,
        idNumber: a.idNumber,
        phone: a.phone,
        address: a.address,
      },
      null,
    );
    await app.get(DataSource).getRepository(User).update(user.id, { emailVerifiedAt: new Date() });
    ids[key as Actor] = user.id;
  }
  const tokens = {} as Record<Actor, string>;
  for (const key of Object.keys(ids) as Actor[]) {
    const email =
      key in WORLD.staff
        ? WORLD.staff[key as keyof typeof WORLD.staff].email
        : WORLD.applicants[key as keyof typeof WORLD.applicants].email;
    tokens[key] = await login(app, email);
  }
  return { ids, tokens };
}

/** Signs in through the API and returns the bearer access token. */
export async function login(
  app: INestApplication,
  email: string,
  password = PASSWORD,
): Promise<string> {
  // A distinct client address per sign-in, so the per-IP login throttle never trips in tests.
  const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const res = await request(app.getHttpServer())
    .post('/api/v1/auth/login')
    .set('x-forwarded-for', ip)
    .send({ email, password });
  if (res.status !== 200)
    throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}
