import { DataSource } from 'typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import { AccountsService } from '../../modules/accounts/accounts.service';
import { withResidentIdCheck, withUsccCheck } from '../../modules/accounts/domain/identity';
import { User } from '../../modules/accounts/user.entity';
import { AgenciesService } from '../../modules/agencies/agencies.service';
import type { Agency } from '../../modules/agencies/agency.entity';
import { Principal } from '../../modules/access/domain/principal';
import type { StaffRole } from '../../modules/access/domain/roles';
import { addDays } from '../../modules/calendar/domain/local-date';
import { Clock } from '../../infra/clock/clock';
import { IntakeService } from '../../modules/requests/intake.service';
import { ClockActionsService } from '../../modules/requests/clock-actions.service';
import { FeeActionsService } from '../../modules/requests/fee-actions.service';
import { WorkflowService } from '../../modules/requests/workflow.service';
import { UsageError } from '../usage-error';
import { withApp } from '../support/with-app';

export const DEMO_PASSWORD = 'demo-password-2026';
const CITY = 'DEMO';
const DEPARTMENTS = [
  ['GA', '公安局'],
  ['JY', '教育局'],
  ['ZJ', '住房和城乡建设局'],
  ['ZR', '自然资源局'],
  ['SJ', '市场监督管理局'],
];
const DISTRICTS = [
  ['SEZ', '萨尔图区', ['GA', 'JY']],
  ['RHL', '让胡路区', ['ZJ', 'SJ']],
] as const;
const TOPICS = [
  '道路交通事故统计数据',
  '学校招生计划',
  '棚户区改造补偿方案',
  '国有土地使用权出让合同',
  '食品安全抽检结果',
  '财政预算执行情况',
  '建设项目环评批复',
  '行政处罚决定书',
];
const CATEGORIES = ['np', 'np', 'np', 'biz', 'res', 'npo', 'law', 'oth'] as const;

/** A demo city with users for every role and 200 cases in every state; prints the logins. */
export async function seedDemo(): Promise<void> {
  await withApp(async (app) => {
    const agencies = app.get(AgenciesService);
    if (await agencies.findByCode(CITY))
      throw new UsageError('the demo city (DEMO) already exists in this database');
    const tree = await buildTree(agencies);
    const logins = await buildUsers(app, tree);
    const count = await buildCases(app, tree);
    const lines = [
      `Demo city 演示城市 created: ${tree.length} agencies, ${count} cases.`,
      `Password for every account 所有账号密码: ${DEMO_PASSWORD}`,
      '',
      ...logins.map(([email, what]) => `  ${email.padEnd(28)} ${what}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  });
}

async function buildTree(agencies: AgenciesService): Promise<Agency[]> {
  const out: Agency[] = [];
  const add = async (
    code: string,
    name: string,
    kind: 'government' | 'department',
    parentCode: string | null,
  ) =>
    out.push(
      await agencies.create(null, {
        code,
        name,
        kind,
        parentCode,
        channels: ['in_person', 'post', 'online', 'email'],
        reconsiderationBody: '演示市人民政府',
        court: '演示市中级人民法院',
        address: '演示市人民大街1号',
        phone: '0459-1234567',
      }),
    );
  await add(CITY, '演示市人民政府', 'government', null);
  for (const [code, name] of DEPARTMENTS)
    await add(`${CITY}-${code}`, `演示市${name}`, 'department', CITY);
  for (const [code, name, depts] of DISTRICTS) {
    await add(`${CITY}-${code}`, `演示市${name}人民政府`, 'government', CITY);
    for (const d of depts)
      await add(
        `${CITY}-${code}-${d}`,
        `演示市${name}${DEPARTMENTS.find((x) => x[0] === d)?.[1]}`,
        'department',
        `${CITY}-${code}`,
      );
  }
  return out;
}

async function buildUsers(
  app: INestApplicationContext,
  tree: Agency[],
): Promise<Array<[string, string]>> {
  const accounts = app.get(AccountsService);
  const logins: Array<[string, string]> = [];
  const staff = async (email: string, role: StaffRole, agency: Agency) => {
    await accounts.createStaff(null, {
      email,
      displayName: `${agency.name}${role}`,
      roles: [{ agencyCode: agency.code, role }],
      password: DEMO_PASSWORD,
    });
    logins.push([email, `${role} @ ${agency.code} ${agency.name}`]);
  };
  await staff('admin@demo.gov.cn', 'admin', tree[0]);
  await staff('head@demo.gov.cn', 'supervisor', tree[0]);
  await staff('report@demo.gov.cn', 'reporting_officer', tree[0]);
  for (const a of tree.filter((x) => x.kind === 'department'))
    await staff(`clerk.${a.code.toLowerCase()}@demo.gov.cn`, 'clerk', a);
  for (let i = 1; i <= 2; i++) {
    const email = `citizen${i}@example.com`;
    const user = await accounts.registerApplicant(
      {
        email,
        password: DEMO_PASSWORD,
        category: 'np',
        name: `演示申请人${i}`,
        idNumber: withResidentIdCheck(`23060219850${i}0112${i}`),
        phone: `1380000000${i}`,
        address: '演示市人民大街100号',
      },
      null,
    );
    await app
      .get(DataSource)
      .getRepository(User)
      .update(user.id, { emailVerifiedAt: app.get(Clock).now() });
    logins.push([email, 'applicant 申请人']);
  }
  return logins;
}

/** 200 cases over the last months, walked through the real workflow into every state. */
async function buildCases(app: INestApplicationContext, tree: Agency[]): Promise<number> {
  const db = app.get(DataSource);
  const today = app.get(Clock).today();
  const departments = tree.filter((a) => a.kind === 'department');
  const intake = app.get(IntakeService);
  const flow = app.get(WorkflowService);
  const clockActions = app.get(ClockActionsService);
  const fees = app.get(FeeActionsService);
  let n = 0;
  for (let i = 0; i < 200; i++) {
    const agency = departments[i % departments.length];
    const [{ id: clerkId }] = await db.query<Array<{ id: string }>>(
      `SELECT user_id AS id FROM role_assignment WHERE agency_id = $1 AND role = 'clerk'`,
      [agency.id],
    );
    const clerk = new Principal(clerkId, 'staff', [
      { role: 'clerk', agencyId: agency.id, agencyPath: agency.path },
    ]);
    const category = CATEGORIES[i % CATEGORIES.length];
    const idNumber =
      category === 'np'
        ? withResidentIdCheck(
            `2306021970${String(1 + (i % 12)).padStart(2, '0')}01${String(100 + i).slice(-3)}`,
          )
        : withUsccCheck(`9123060${String(1000000000 + i).slice(-10)}`);
    const step = i % 8;
    // Pauses and corrections on recent cases (still within the period); some old ones are overdue.
    const abandonFee = i % 16 === 4;
    const daysAgo = abandonFee
      ? 60
      : step >= 2 && step <= 4
        ? 1 + ((i * 3) % 14)
        : 3 + ((i * 7) % 80);
    const { c } = await intake.fileByStaff(clerk, {
      agencyCode: agency.code,
      title: `${TOPICS[i % TOPICS.length]}（${2020 + (i % 6)}年）`,
      description: `申请公开演示市${TOPICS[i % TOPICS.length]}的相关文件。`,
      form: i % 2 ? 'paper' : 'electronic',
      deliveryRoute: i % 2 ? 'post' : 'email',
      channel: i % 9 === 0 ? 'post' : 'in_person',
      postKind: i % 9 === 0 ? 'ordinary' : undefined,
      submittedAt: `${addDays(today, -daysAgo)}T10:00:00+08:00`,
      applicant: {
        category,
        name: category === 'np' ? `申请人${i}` : `演示单位${i}`,
        idNumber,
        phone: '13900000000',
        // Contact details fit the delivery route (post: address and postcode; e-mail: address).
        email: `applicant${i}@demo.example.cn`,
        address: `演示市中心区民主路${1 + (i % 90)}号`,
        postcode: '163000',
      },
    });
    n++;
    if (c.status === 'submitted') continue; // an ordinary letter not yet confirmed
    if (step === 0) continue; // received
    await flow.assign(clerk, c.id, { assigneeId: clerkId });
    if (step === 1) continue; // in progress
    if (step === 2)
      await flow.requestCorrection(clerk, c.id, {
        what: '请写明所需信息的年份。',
        periodEnd: addDays(today, 14),
      });
    else if (step === 3)
      await clockActions.startConsultation(clerk, c.id, {
        partyKind: 'third_party',
        partyName: '演示某某公司',
        subject: '涉及商业秘密',
      });
    else if (step === 4 && abandonFee) {
      // An old fee notice, never paid: deemed abandoned after 20 WD (R-FEE-05).
      const sentOn = addDays(c.receivedOn as string, 3);
      await fees.issueNotice(clerk, c.id, {
        method: 'per-volume',
        pages: 60 + i,
        sentOn,
        receivedOn: sentOn,
      });
      await fees.abandonUnpaid(clerk, c.id);
    } else if (step === 4)
      await fees.issueNotice(clerk, c.id, { method: 'per-volume', pages: 60 + i });
    else if (step === 5) await flow.withdraw(clerk, c.id, '申请人撤回');
    else {
      const types = [
        'DISCLOSED',
        'PARTIAL_REDACTED',
        'NOT_EXIST',
        'WITHHELD_PROCESS_INFO',
        'NEEDS_CREATION',
        'ALREADY_PUBLIC_ROUTE',
      ] as const;
      const replyType = types[i % types.length];
      await flow.reply(clerk, c.id, {
        replyType,
        withheld:
          replyType === 'PARTIAL_REDACTED'
            ? [{ item: '个人联系方式', reason: '个人隐私', basis: '《政府信息公开条例》第十五条' }]
            : undefined,
      });
      if (step === 7) await flow.recordService(clerk, c.id, { method: 'email', servedOn: today });
    }
  }
  return n;
}
