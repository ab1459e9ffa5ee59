import fc from 'fast-check';
import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import { applicantWindows } from '../../../src/modules/remedies/domain/applicant-windows';
import {
  REMEDY_RESULTS,
  RESULT_CLASS,
  type RemedyKind,
  type RemedyResult,
} from '../../../src/modules/remedies/domain/remedy';
import {
  plannedRemedyDeadlines,
  remedyDates,
  type RemedyClockFacts,
} from '../../../src/modules/remedies/domain/remedy-clocks';
import { decideRemedyAction, outcomesOf } from '../../../src/modules/remedies/domain/remedy-rules';
import {
  nextRemedyStatus,
  REMEDY_ACTIONS,
  REMEDY_STATUSES,
  type RemedyStatus,
} from '../../../src/modules/remedies/domain/remedy-status';
import {
  countingAgencyCode,
  sectionFour,
  SECTION_FOUR_COLUMNS,
  type CountedRemedy,
} from '../../../src/modules/remedies/domain/section-four';

const cal = nationalCalendar();

const facts = (over: Partial<RemedyClockFacts> = {}): RemedyClockFacts => ({
  kind: 'reconsideration',
  status: 'applied',
  procedure: 'normal',
  source: 'live',
  appliedOn: '2026-09-28',
  bodyReceivedOn: null,
  acceptedOn: null,
  docketedOn: null,
  copyReceivedOn: null,
  answeredOn: null,
  extensionDays: 0,
  suspendedDays: 0,
  instance: 1,
  appealReceivedOn: null,
  complaintLimitWd: null,
  ...over,
});

describe('remedy lifecycles (transition tables, listed by hand)', () => {
  /** Every (kind, state, action) the tables allow, and where it leads. */
  const ALLOWED: Record<'reconsideration' | 'suit' | 'complaint', string[]> = {
    reconsideration: [
      'applied accept → accepted',
      'applied refuse → not_accepted',
      'applied withdraw → withdrawn',
      'accepted record_copy → accepted',
      'accepted answer → answered',
      'accepted extend → accepted',
      'accepted suspend → suspended',
      'accepted decide → decided',
      'accepted withdraw → withdrawn',
      'answered record_copy → answered',
      'answered extend → answered',
      'answered suspend → suspended',
      'answered decide → decided',
      'answered withdraw → withdrawn',
      'suspended record_copy → suspended',
      'suspended extend → suspended',
      'suspended resume → accepted',
      'suspended withdraw → withdrawn',
      'decided serve → served',
    ],
    suit: [
      'filed docket → docketed',
      'filed refuse → not_accepted',
      'filed withdraw → withdrawn',
      'docketed record_copy → docketed',
      'docketed answer → answered',
      'docketed suspend → suspended',
      'docketed decide → decided',
      'docketed withdraw → withdrawn',
      'answered record_copy → answered',
      'answered suspend → suspended',
      'answered decide → decided',
      'answered withdraw → withdrawn',
      'suspended record_copy → suspended',
      'suspended resume → docketed',
      'suspended withdraw → withdrawn',
      'decided serve → served',
      'decided appeal → appealed',
      'served appeal → appealed',
      'appealed suspend → suspended',
      'appealed decide → decided',
      'appealed withdraw → withdrawn',
    ],
    complaint: ['received handle → handled', 'received withdraw → withdrawn'],
  };
  const KIND: Record<keyof typeof ALLOWED, RemedyKind> = {
    reconsideration: 'reconsideration',
    suit: 'litigation_direct',
    complaint: 'complaint',
  };

  it.each(Object.keys(ALLOWED) as Array<keyof typeof ALLOWED>)(
    'allows exactly the listed steps of a %s',
    (k) => {
      const got: string[] = [];
      for (const status of REMEDY_STATUSES)
        for (const action of REMEDY_ACTIONS) {
          const d = nextRemedyStatus(
            { kind: KIND[k], status, answeredOn: null, instance: 1 },
            action,
          );
          if (d.ok) got.push(`${status} ${action} → ${d.value}`);
        }
      expect(got.sort()).toEqual([...ALLOWED[k]].sort());
    },
  );

  it('resumes to answered when the answer was given, and a suit on appeal to appealed', () => {
    const resume = (kind: RemedyKind, answeredOn: string | null, instance: number) =>
      nextRemedyStatus({ kind, status: 'suspended', answeredOn, instance }, 'resume');
    expect(resume('reconsideration', '2026-03-05', 1)).toEqual({ ok: true, value: 'answered' });
    expect(resume('litigation_direct', '2026-03-05', 1)).toEqual({ ok: true, value: 'answered' });
    expect(resume('litigation_direct', '2026-03-05', 2)).toEqual({ ok: true, value: 'appealed' });
  });

  it('refuses a step the table does not list with the state and action named', () => {
    const d = nextRemedyStatus(
      { kind: 'complaint', status: 'handled', answeredOn: null, instance: 1 },
      'handle',
    );
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.refusal.code).toBe('action-not-allowed-in-state');
      expect(d.refusal.params).toMatchObject({ status: 'handled', action: 'handle' });
    }
  });
});

describe('remedy clocks', () => {
  it('deems a reconsideration accepted 5 WD after receipt, and decides in 30 / 60 days (WE-13)', () => {
    expect(remedyDates(cal, facts()).acceptanceDue?.due).toBe('2026-10-10');
    const accepted = facts({ status: 'accepted', acceptedOn: '2026-10-10' });
    expect(remedyDates(cal, { ...accepted, procedure: 'simplified' }).decisionDue?.due).toBe(
      '2026-11-09',
    );
    expect(remedyDates(cal, accepted).decisionDue?.due).toBe('2026-12-09');
    expect(remedyDates(cal, { ...accepted, extensionDays: 30 }).decisionDue?.due).toBe(
      '2027-01-08',
    );
  });

  it('rolls the decision due past Labour Day and moves it by the days suspended (WE-13, R-RV-13)', () => {
    const accepted = facts({ status: 'accepted', acceptedOn: '2026-03-02' });
    expect(remedyDates(cal, accepted).decisionDue).toMatchObject({
      raw: '2026-05-01',
      due: '2026-05-06',
    });
    expect(remedyDates(cal, { ...accepted, suspendedDays: 10 }).decisionDue?.due).toBe(
      '2026-05-11',
    );
    expect(remedyDates(cal, { ...accepted, status: 'suspended' }).decisionDue).toBeNull();
  });

  it("counts the agency's answer in working days (10, 5 simplified) and in court 15 days", () => {
    const copy = facts({
      status: 'accepted',
      acceptedOn: '2026-09-28',
      copyReceivedOn: '2026-09-28',
    });
    // 09-29, 09-30, [National Day], 10-08, 10-09, 10-10 (make-up Sat), 10-12 … 10-16.
    expect(remedyDates(cal, copy).answerDue?.due).toBe('2026-10-16');
    expect(remedyDates(cal, { ...copy, procedure: 'simplified' }).answerDue?.due).toBe(
      '2026-10-10',
    );
    expect(remedyDates(cal, { ...copy, answeredOn: '2026-10-01' }).answerDue).toBeNull();
    const suit = facts({
      kind: 'litigation_direct',
      status: 'docketed',
      docketedOn: '2026-09-20',
      copyReceivedOn: '2026-09-20',
    });
    // 15 calendar days: 10-05, inside National Day → the next working day.
    expect(remedyDates(cal, suit).answerDue).toMatchObject({
      raw: '2026-10-05',
      due: '2026-10-08',
    });
    expect(remedyDates(cal, suit).decisionDue?.due).toBe('2027-03-22');
    expect(remedyDates(cal, { ...suit, procedure: 'simplified' }).decisionDue?.due).toBe(
      '2026-11-04',
    );
    expect(
      remedyDates(cal, { ...suit, status: 'appealed', instance: 2, appealReceivedOn: '2026-12-01' })
        .decisionDue?.due,
    ).toBe('2027-03-01');
  });

  it('keeps no clocks for imported history', () => {
    expect(plannedRemedyDeadlines(cal, facts({ source: 'import' }))).toEqual([]);
    expect(plannedRemedyDeadlines(cal, facts())).toEqual([
      { kind: 'remedy_acceptance', ref: '', dueOn: '2026-10-10' },
    ]);
  });
});

describe("the applicant's windows (DOMAIN §3.4)", () => {
  const none = { today: '2026-12-01', replyDue: null, remedies: [] };
  it('after a refusal delivered on 2025-08-02: reconsideration only, rolled past National Day (WE-8)', () => {
    const w = applicantWindows(cal, {
      ...none,
      reply: {
        repliedOn: '2025-08-01',
        deliveredOn: '2025-08-02',
        nonDisclosure: true,
        remediesStated: true,
      },
    });
    expect(w.map((x) => [x.id, x.due, x.rolled])).toEqual([
      ['reconsideration', '2025-10-09', true],
    ]);
  });

  it('a direct suit ending on a make-up Saturday, flagged (WE-10)', () => {
    const w = applicantWindows(cal, {
      ...none,
      reply: {
        repliedOn: '2025-08-29',
        deliveredOn: '2025-08-31',
        nonDisclosure: false,
        remediesStated: true,
      },
    });
    expect(w.find((x) => x.id === 'direct_suit')).toMatchObject({
      due: '2026-02-28',
      rolled: false,
      warnings: ['makeup-weekend'],
    });
  });

  it('1 year when the remedies were not stated; the inaction windows when no reply came', () => {
    const w = applicantWindows(cal, {
      ...none,
      reply: {
        repliedOn: '2025-03-03',
        deliveredOn: '2025-03-05',
        nonDisclosure: false,
        remediesStated: false,
      },
    });
    expect(w.map((x) => [x.id, x.due])).toEqual([
      ['reconsideration_outer', '2026-03-05'],
      ['direct_suit_outer', '2026-03-05'],
    ]);
    const inaction = applicantWindows(cal, { ...none, reply: null, replyDue: '2026-09-30' });
    expect(inaction.map((x) => [x.id, x.anchor, x.due])).toEqual([
      ['inaction_reconsideration', '2026-10-01', '2026-11-30'],
      ['inaction_suit', '2026-09-30', '2027-03-30'],
    ]);
    expect(applicantWindows(cal, { ...none, reply: null, replyDue: '2026-12-01' })).toEqual([]);
  });

  it('15 days after a reconsideration decision (WE-9) or its lapse; 15/10 days to appeal', () => {
    const w = applicantWindows(cal, {
      ...none,
      reply: null,
      remedies: [
        {
          id: 'r1',
          kind: 'reconsideration',
          status: 'served',
          decisions: [
            { instance: 1, decidedOn: '2026-02-02', result: 'upheld', servedOn: '2026-02-05' },
          ],
          decisionDue: null,
        },
        {
          id: 'r2',
          kind: 'reconsideration',
          status: 'answered',
          decisions: [],
          decisionDue: '2026-09-30',
        },
        {
          id: 's1',
          kind: 'litigation_direct',
          status: 'served',
          decisions: [
            {
              instance: 1,
              decidedOn: '2026-09-20',
              result: 'dismissed',
              form: 'judgment',
              servedOn: '2026-09-30',
            },
          ],
          decisionDue: null,
        },
        {
          id: 's2',
          kind: 'litigation_direct',
          status: 'served',
          decisions: [
            {
              instance: 1,
              decidedOn: '2026-09-20',
              result: 'dismissed',
              form: 'ruling',
              servedOn: '2026-09-30',
            },
          ],
          decisionDue: null,
        },
      ],
    });
    expect(w.map((x) => [x.id, x.remedyId, x.due])).toEqual([
      ['suit_after_reconsideration', 'r1', '2026-02-24'],
      ['suit_after_reconsideration_lapsed', 'r2', '2026-10-15'],
      ['appeal_judgment', 's1', '2026-10-15'],
      ['appeal_ruling', 's2', '2026-10-10'],
    ]);
  });
});

describe('remedy rules', () => {
  const accepted = {
    ...facts({ status: 'accepted', acceptedOn: '2026-03-02' }),
    decisions: [],
    suspendedFrom: null,
    appealFiledOn: null,
  };
  it('extends a reconsideration by at most 30 days in all, never in the simplified procedure', () => {
    expect(decideRemedyAction(accepted, 'extend', { days: 30 }, '2026-04-01')).toEqual({
      ok: true,
      value: { extensionDays: 30 },
    });
    expect(
      decideRemedyAction({ ...accepted, extensionDays: 20 }, 'extend', { days: 11 }, '2026-04-01')
        .ok,
    ).toBe(false);
    expect(
      decideRemedyAction(
        { ...accepted, procedure: 'simplified' },
        'extend',
        { days: 1 },
        '2026-04-01',
      ).ok,
    ).toBe(false);
  });

  it('needs the day the agency received a decision that orders a new answer', () => {
    const d = decideRemedyAction(
      accepted,
      'decide',
      { on: '2026-04-01', result: 'ordered_to_act' },
      '2026-04-10',
    );
    expect(d.ok ? null : d.refusal.fieldErrors[0]?.code).toBe('remedy-reanswer-required');
    expect(
      decideRemedyAction(
        accepted,
        'decide',
        { on: '2026-04-01', result: 'upheld', reanswerReceivedOn: '2026-04-03' },
        '2026-04-10',
      ).ok,
    ).toBe(false);
  });

  it('counts suspended days on resumption; refuses a day in the future or before the prior step', () => {
    const s = { ...accepted, status: 'suspended' as RemedyStatus, suspendedFrom: '2026-03-10' };
    expect(decideRemedyAction(s, 'resume', { on: '2026-03-20' }, '2026-03-25')).toEqual({
      ok: true,
      value: { suspendedFrom: null, suspendedDays: 10 },
    });
    expect(decideRemedyAction(s, 'resume', { on: '2026-03-26' }, '2026-03-25').ok).toBe(false);
    expect(
      decideRemedyAction(accepted, 'decide', { on: '2026-03-01', result: 'upheld' }, '2026-03-25')
        .ok,
    ).toBe(false);
  });

  it('allows one appeal only', () => {
    const suit = { ...accepted, kind: 'litigation_direct' as RemedyKind, instance: 2 };
    const d = decideRemedyAction(suit, 'appeal', { on: '2026-05-01' }, '2026-06-01');
    expect(d.ok ? null : d.refusal.code).toBe('remedy-no-further-appeal');
  });
});

describe('section 四 (D-16, R-AR-20, R-AR-21)', () => {
  const resultArb = fc.constantFrom(...REMEDY_RESULTS);
  const remedyArb: fc.Arbitrary<CountedRemedy> = fc.record({
    kind: fc.constantFrom<RemedyKind>(
      'reconsideration',
      'litigation_direct',
      'litigation_after_reconsideration',
      'complaint',
    ),
    countedOn: fc.constantFrom('2025-06-01', '2026-01-05', '2026-12-31'),
    outcomes: fc
      .array(
        fc.record({
          on: fc.constantFrom('2026-03-01', '2026-12-31', '2027-01-01'),
          result: resultArb,
        }),
        { maxLength: 2 },
      )
      .map((xs) => xs.sort((a, b) => (a.on < b.on ? -1 : 1))),
  });

  it('totals every group and counts each remedy of the year once, complaints never', () => {
    fc.assert(
      fc.property(fc.array(remedyArb, { maxLength: 30 }), (rs) => {
        const s = sectionFour(rs, 2026);
        for (const g of ['rv', 'ld', 'lr'] as const)
          expect(s[`${g}_total`]).toBe(
            s[`${g}_keep`] + s[`${g}_fix`] + s[`${g}_other`] + s[`${g}_pending`],
          );
        const counted = rs.filter(
          (r) => r.kind !== 'complaint' && r.countedOn.startsWith('2026'),
        ).length;
        expect(s.rv_total + s.ld_total + s.lr_total).toBe(counted);
      }),
    );
  });

  it('takes the state at 31 Dec of the filing year: the latest outcome by then, else pending', () => {
    const r = (outcomes: Array<{ on: string; result: RemedyResult }>): CountedRemedy => ({
      kind: 'litigation_direct',
      countedOn: '2026-02-02',
      outcomes,
    });
    const s = sectionFour(
      [
        r([]),
        r([{ on: '2027-01-02', result: 'upheld' }]),
        r([
          { on: '2026-05-10', result: 'dismissed' },
          { on: '2026-11-20', result: 'revoked' },
        ]),
        r([
          { on: '2026-05-10', result: 'upheld' },
          { on: '2027-02-01', result: 'revoked' },
        ]),
        r([{ on: '2026-07-01', result: 'withdrawn' }]),
      ],
      2026,
    );
    expect(SECTION_FOUR_COLUMNS.filter((c) => c.startsWith('ld')).map((c) => s[c])).toEqual([
      1, 1, 1, 2, 5,
    ]);
    expect(RESULT_CLASS.not_accepted).toBe('other');
  });

  it('lets only the original actor count a suit where the reconsideration body is co-defendant for upholding', () => {
    const both = [
      { role: 'original' as const, name: '大庆市公安局', agencyCode: 'DQ-GA' },
      { role: 'reconsideration_body' as const, name: '大庆市人民政府', agencyCode: 'DQ' },
    ];
    expect(countingAgencyCode('litigation_after_reconsideration', 'DQ-GA', both)).toBe('DQ-GA');
    expect(countingAgencyCode('litigation_after_reconsideration', 'DQ-GA', [both[1]])).toBe('DQ');
    expect(countingAgencyCode('litigation_direct', 'DQ-GA', [both[1]])).toBe('DQ-GA');
  });

  it('orders outcomes by day, the end of a withdrawn remedy last', () => {
    expect(
      outcomesOf({
        decisions: [{ instance: 1, decidedOn: '2026-05-01', result: 'upheld' }],
        endedOn: '2026-06-01',
        endResult: 'withdrawn',
      }),
    ).toEqual([
      { on: '2026-05-01', result: 'upheld' },
      { on: '2026-06-01', result: 'withdrawn' },
    ]);
  });
});
