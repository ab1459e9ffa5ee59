import { DataSource } from 'typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import { AccountsService } from '../../modules/accounts/accounts.service';
import { withResidentIdCheck, withUsccCheck } from '../../modules/accounts/domain/identity';
import { User } from '../../modules/accounts/user.entity';
import { AgenciesService } from '../../modules/agencies/agencies.service';
import type { Agency } from '../../modules/agencies/agency.entity';
import { remedyBodiesFor, type AgencyStanding } from '../../modules/agencies/domain/remedy-bodies';
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
const CITY_NAME = '演示市';
const PROVINCE_GOVERNMENT = '演示省人民政府';
/** Where the city's own departments sit (its basic court hears suits against them). */
const CITY_SEAT = '演示市萨尔图区';
/** Departments, with requests that fit what each holds. */
const DEPARTMENTS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['GA', '公安局', ['道路交通事故统计数据', '交通违法行为处罚决定书']],
  ['JY', '教育局', ['义务教育学校招生计划', '教育经费使用情况']],
  ['ZJ', '住房和城乡建设局', ['棚户区改造补偿方案', '建设工程规划许可证']],
  ['ZR', '自然资源局', ['国有土地使用权出让合同', '土地征收补偿安置方案']],
  ['SJ', '市场监督管理局', ['食品安全监督抽检结果', '行政处罚决定书']],
];
const GOVERNMENT_TOPICS = ['财政预算执行情况', '政府常务会议纪要', '重大行政决策目录'];
const TAX_TOPICS = ['税收优惠政策执行情况', '纳税信用评价结果'];
const DISTRICTS = [
  ['SEZ', '萨尔图区', ['GA', 'JY'], '中央大街'],
  ['RHL', '让胡路区', ['ZJ', 'SJ'], '西宾路'],
] as const;
const CATEGORIES = ['np', 'np', 'np', 'biz', 'res', 'npo', 'law', 'oth'] as const;
/** The states every agency has a case in (the workflow walks each there). */
const STATES = [
  'received',
  'in_progress',
  'correction',
  'consultation',
  'fee',
  'fee_abandoned',
  'withdrawn',
  'replied',
  'served',
  'submitted',
] as const;

interface DemoAgency {
  agency: Agency;
  topics: readonly string[];
}

/** A demo city with users for every role and 200 cases in every state; prints the logins. */
export async function seedDemo(): Promise<void> {
  await withApp(async (app) => {
    const agencies = app.get(AgenciesService);
    if (await agencies.findByCode(CITY))
      throw new UsageError('the demo city (DEMO) already exists in this database');
    const demo = await buildTree(agencies);
    const tree = demo.map((d) => d.agency);
    const logins = await buildUsers(app, tree);
    const count = await buildCases(app, demo);
    const lines = [
      `Demo city 演示城市 created: ${tree.length} agencies, ${count} cases.`,
      `Password for every account 所有账号密码: ${DEMO_PASSWORD}`,
      '',
      ...logins.map(([email, what]) => `  ${email.padEnd(28)} ${what}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  });
}

/**
 * The demo city's tree with the right remedy bodies (D-20): departments → their government and
 * the basic court where they sit; district governments → the city and the intermediate court;
 * the city → the province; the tax bureau (vertically led) → its superior authority.
 */
async function buildTree(agencies: AgenciesService): Promise<DemoAgency[]> {
  const out: DemoAgency[] = [];
  let phone = 4660000;
  const add = async (
    code: string,
    name: string,
    kind: 'government' | 'department',
    parentCode: string | null,
    standing: AgencyStanding,
    address: string,
    topics: readonly string[],
  ) => {
    phone += 1111;
    const agency = await agencies.create(null, {
      code,
      name,
      kind,
      parentCode,
      channels: ['in_person', 'post', 'online', 'email'],
      ...remedyBodiesFor(standing),
      address,
      postcode: '163000',
      phone: `0459-${phone}`,
      fax: `0459-${phone + 1}`,
      email: `gongkai.${code.toLowerCase()}@demo.gov.cn`,
      website: `https://www.demo.gov.cn/${code.toLowerCase()}`,
      internetContact: `${name}政府信息公开专栏 https://www.demo.gov.cn/${code.toLowerCase()}/xxgk`,
      officeHours: '法定工作日 上午 8:30—11:30，下午 13:30—17:00',
      paymentInstructions: `通过银行转账缴纳信息处理费：收款单位 ${name}，开户行 中国工商银行${CITY_NAME}分行，账号 0900 ${String(phone).padStart(7, '0')} 0001，附言请填写申请编号。缴费后请在本系统“报告已缴费”，或携带缴费凭证到本机关政府信息公开工作机构办理。`,
    });
    out.push({ agency, topics });
  };
  const city = `${CITY_NAME}人民政府`;
  await add(
    CITY,
    city,
    'government',
    null,
    { kind: 'government', level: 'city', superiorGovernment: PROVINCE_GOVERNMENT, city: CITY_NAME },
    `${CITY_SEAT}世纪大道1号`,
    GOVERNMENT_TOPICS,
  );
  let n = 10;
  for (const [code, name, topics] of DEPARTMENTS)
    await add(
      `${CITY}-${code}`,
      `${CITY_NAME}${name}`,
      'department',
      CITY,
      { kind: 'department', government: city, seat: CITY_SEAT },
      `${CITY_SEAT}东风路${(n += 2)}号`,
      topics,
    );
  await add(
    `${CITY}-SW`,
    `国家税务总局${CITY_NAME}税务局`,
    'department',
    CITY,
    { kind: 'vertical', superior: '国家税务总局演示省税务局', seat: CITY_SEAT },
    `${CITY_SEAT}纬二路9号`,
    TAX_TOPICS,
  );
  for (const [code, name, depts, street] of DISTRICTS) {
    const district = `${CITY_NAME}${name}`;
    const government = `${district}人民政府`;
    await add(
      `${CITY}-${code}`,
      government,
      'government',
      CITY,
      { kind: 'government', level: 'county', superiorGovernment: city, city: CITY_NAME },
      `${district}${street}1号`,
      GOVERNMENT_TOPICS,
    );
    let m = 20;
    for (const d of depts) {
      const dept = DEPARTMENTS.find((x) => x[0] === d) as (typeof DEPARTMENTS)[number];
      await add(
        `${CITY}-${code}-${d}`,
        `${district}${dept[1]}`,
        'department',
        `${CITY}-${code}`,
        { kind: 'department', government, seat: district },
        `${district}${street}${(m += 3)}号`,
        dept[2],
      );
    }
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
  // Every agency has an OGI office with a clerk, the governments' own included.
  for (const a of tree) await staff(`clerk.${a.code.toLowerCase()}@demo.gov.cn`, 'clerk', a);
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

/**
 * 200 cases over the last months, walked through the real workflow: every agency has a case in
 * every state (STATES), with titles that fit what the agency holds.
 */
async function buildCases(app: INestApplicationContext, demo: DemoAgency[]): Promise<number> {
  const db = app.get(DataSource);
  const today = app.get(Clock).today();
  const intake = app.get(IntakeService);
  const flow = app.get(WorkflowService);
  const clockActions = app.get(ClockActionsService);
  const fees = app.get(FeeActionsService);
  let n = 0;
  for (let i = 0; i < 200; i++) {
    const { agency, topics } = demo[i % demo.length];
    const state = STATES[Math.floor(i / demo.length) % STATES.length];
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
    // Pauses and corrections on recent cases (still within the period); some old ones are overdue.
    const recent = state === 'correction' || state === 'consultation' || state === 'fee';
    const daysAgo =
      state === 'fee_abandoned' ? 60 : recent ? 1 + ((i * 3) % 14) : 3 + ((i * 7) % 80);
    const topic = topics[i % topics.length];
    const byPost = state === 'submitted';
    const { c } = await intake.fileByStaff(clerk, {
      agencyCode: agency.code,
      title: `${topic}（${2020 + (i % 6)}年）`,
      description: `申请公开${agency.name}${2020 + (i % 6)}年${topic}的相关文件。`,
      form: i % 2 ? 'paper' : 'electronic',
      deliveryRoute: i % 2 ? 'post' : 'email',
      channel: byPost ? 'post' : 'in_person',
      postKind: byPost ? 'ordinary' : undefined,
      submittedAt: `${addDays(today, -daysAgo)}T10:00:00+08:00`,
      applicant: {
        category,
        name: category === 'np' ? `申请人${i}` : `演示单位${i}`,
        idNumber,
        phone: '13900000000',
        // Contact details fit the delivery route (post: address and postcode; e-mail: address).
        email: `applicant${i}@demo.example.cn`,
        address: `演示市萨尔图区民主路${1 + (i % 90)}号`,
        postcode: '163000',
      },
    });
    n++;
    if (state === 'submitted' || state === 'received') continue; // an ordinary letter not yet confirmed
    await flow.assign(clerk, c.id, { assigneeId: clerkId });
    switch (state) {
      case 'in_progress':
        break;
      case 'correction':
        await flow.requestCorrection(clerk, c.id, {
          what: '请写明所需信息的年份和文号。',
          periodEnd: addDays(today, 14),
        });
        break;
      case 'consultation':
        await clockActions.startConsultation(clerk, c.id, {
          partyKind: 'third_party',
          partyName: '演示某某有限公司',
          subject: '涉及该公司的经营信息',
        });
        break;
      case 'fee_abandoned': {
        // An old fee notice, never paid: deemed abandoned after 20 WD (R-FEE-05).
        const sentOn = addDays(c.receivedOn as string, 3);
        await fees.issueNotice(clerk, c.id, {
          method: 'per-volume',
          pages: 60 + i,
          sentOn,
          receivedOn: sentOn,
        });
        await fees.abandonUnpaid(clerk, c.id);
        break;
      }
      case 'fee':
        await fees.issueNotice(clerk, c.id, { method: 'per-volume', pages: 60 + i });
        break;
      case 'withdrawn':
        await flow.withdraw(clerk, c.id, '申请人撤回');
        break;
      case 'replied':
      case 'served': {
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
              ? [
                  {
                    item: '个人联系方式',
                    reason: '属于个人隐私',
                    basis: '《政府信息公开条例》第十五条',
                  },
                ]
              : undefined,
        });
        if (state === 'served')
          await flow.recordService(clerk, c.id, { method: 'email', servedOn: today });
        break;
      }
    }
  }
  return n;
}
