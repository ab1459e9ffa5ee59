import {
  ACTORS,
  CASE_ACTIONS,
  CASE_STATUSES,
  transition,
  type Actor,
  type CaseAction,
  type CaseStatus,
  type TransitionContext,
} from '../../../src/modules/requests/domain/case-status';

/**
 * Every allowed (status, action, actor) of the case lifecycle, written out by hand — one line
 * each, with the target state and where the rule comes from (DOMAIN §6.1 or a D-rule). Not
 * derived from the production table: a change there that is not made here fails this test.
 * `ctx` is the context the target depends on (another pause still open; a clerk assigned).
 */
type Line = readonly [
  CaseStatus,
  CaseAction,
  Actor,
  CaseStatus,
  string,
  Partial<TransitionContext>?,
];
const NONE: Partial<TransitionContext> = { openPauses: 0, assigned: false };
const PAUSED: Partial<TransitionContext> = { openPauses: 1 };
const ASSIGNED: Partial<TransitionContext> = { assigned: true };

const ALLOWED: readonly Line[] = [
  [
    'submitted',
    'confirm_receipt',
    'clerk',
    'received',
    'Art 31(2)(3), D-2: confirmation fixes the date of receipt',
  ],
  ['submitted', 'assign', 'clerk', 'submitted', '§6.1: assigning changes only the assignee'],
  ['submitted', 'assign', 'supervisor', 'submitted', '§6.1: the office head distributes cases'],
  ['received', 'correct_receipt_date', 'clerk', 'received', 'Art 31: a wrong date of receipt'],
  [
    'correction_requested',
    'correct_receipt_date',
    'clerk',
    'correction_requested',
    'Art 31: a wrong date of receipt',
  ],
  [
    'in_progress',
    'correct_receipt_date',
    'clerk',
    'in_progress',
    'Art 31: a wrong date of receipt',
  ],
  ['paused', 'correct_receipt_date', 'clerk', 'paused', 'Art 31: a wrong date of receipt'],
  [
    'awaiting_reasons',
    'correct_receipt_date',
    'clerk',
    'awaiting_reasons',
    'Art 31: a wrong date of receipt',
  ],
  ['received', 'assign', 'clerk', 'in_progress', '§6.1: processing starts when assigned'],
  ['received', 'assign', 'supervisor', 'in_progress', '§6.1: processing starts when assigned'],
  ['correction_requested', 'assign', 'clerk', 'correction_requested', '§6.1'],
  ['correction_requested', 'assign', 'supervisor', 'correction_requested', '§6.1'],
  ['in_progress', 'assign', 'clerk', 'in_progress', '§6.1'],
  ['in_progress', 'assign', 'supervisor', 'in_progress', '§6.1'],
  ['paused', 'assign', 'clerk', 'paused', '§6.1'],
  ['paused', 'assign', 'supervisor', 'paused', '§6.1'],
  ['awaiting_reasons', 'assign', 'clerk', 'awaiting_reasons', '§6.1'],
  ['awaiting_reasons', 'assign', 'supervisor', 'awaiting_reasons', '§6.1'],
  [
    'received',
    'request_correction',
    'clerk',
    'correction_requested',
    'Art 30, R-COR-01 (late: allowed, flagged, D-4)',
  ],
  ['in_progress', 'request_correction', 'clerk', 'correction_requested', 'Art 30, R-COR-01'],
  [
    'correction_requested',
    'record_correction',
    'clerk',
    'received',
    'R-COR-03: restart, unassigned',
    NONE,
  ],
  [
    'correction_requested',
    'record_correction',
    'applicant',
    'received',
    'R-COR-03: restart, unassigned',
    NONE,
  ],
  [
    'correction_requested',
    'record_correction',
    'clerk',
    'in_progress',
    'R-COR-03: restart, assigned',
    ASSIGNED,
  ],
  [
    'correction_requested',
    'record_correction',
    'applicant',
    'in_progress',
    'R-COR-03: restart, assigned',
    ASSIGNED,
  ],
  ['correction_requested', 'abandon_correction', 'clerk', 'abandoned', 'R-COR-04 (（六）1)'],
  ['correction_requested', 'abandon_correction', 'system', 'abandoned', 'R-COR-04, by the timer'],
  ['received', 'start_consultation', 'clerk', 'paused', 'Arts 32, 34, R-TP-03'],
  ['in_progress', 'start_consultation', 'clerk', 'paused', 'Arts 32, 34, R-TP-03'],
  ['paused', 'start_consultation', 'clerk', 'paused', 'R-TP-05: overlapping pauses'],
  ['paused', 'close_consultation', 'clerk', 'in_progress', 'R-TP-03: the clock resumes', NONE],
  ['paused', 'close_consultation', 'system', 'in_progress', 'R-TP-04: silence, by the timer', NONE],
  ['paused', 'close_consultation', 'clerk', 'paused', 'R-TP-05: another pause still open', PAUSED],
  ['paused', 'close_consultation', 'system', 'paused', 'R-TP-05: another pause still open', PAUSED],
  ['received', 'issue_fee_notice', 'clerk', 'paused', '109号, D-7: the fee notice pauses'],
  ['in_progress', 'issue_fee_notice', 'clerk', 'paused', '109号, D-7'],
  ['paused', 'issue_fee_notice', 'clerk', 'paused', 'D-6: overlapping pauses merge'],
  ['paused', 'record_fee_payment', 'clerk', 'in_progress', 'D-7: the pause ends on payment', NONE],
  ['paused', 'record_fee_payment', 'clerk', 'paused', 'D-6: a consultation still open', PAUSED],
  ['paused', 'report_fee_payment', 'applicant', 'paused', 'D-7: reported, the clerk confirms'],
  ['paused', 'report_fee_payment', 'clerk', 'paused', 'D-7: reported for the applicant'],
  ['paused', 'reject_fee_payment', 'clerk', 'paused', 'D-7: not confirmed, the deadline stands'],
  ['paused', 'abandon_unpaid_fee', 'clerk', 'abandoned', 'R-FEE-05 (（六）2)'],
  ['paused', 'abandon_unpaid_fee', 'system', 'abandoned', 'R-FEE-05, by the timer'],
  ['received', 'request_extension', 'clerk', 'received', 'Art 33(2), D-5'],
  ['in_progress', 'request_extension', 'clerk', 'in_progress', 'Art 33(2), D-5'],
  ['paused', 'request_extension', 'clerk', 'paused', 'Art 33(2), D-5'],
  [
    'awaiting_reasons',
    'request_extension',
    'clerk',
    'awaiting_reasons',
    'D-19: the clock runs while reasons are awaited',
  ],
  [
    'received',
    'decide_extension',
    'supervisor',
    'received',
    'Art 33(2): the OGI office head approves',
  ],
  ['in_progress', 'decide_extension', 'supervisor', 'in_progress', 'Art 33(2)'],
  ['paused', 'decide_extension', 'supervisor', 'paused', 'Art 33(2)'],
  ['awaiting_reasons', 'decide_extension', 'supervisor', 'awaiting_reasons', 'Art 33(2), D-19'],
  ['received', 'request_reasons', 'clerk', 'awaiting_reasons', 'Art 35, D-19'],
  ['in_progress', 'request_reasons', 'clerk', 'awaiting_reasons', 'Art 35, D-19'],
  ['awaiting_reasons', 'record_reasons', 'clerk', 'in_progress', 'Art 35: reasons received'],
  ['awaiting_reasons', 'record_reasons', 'applicant', 'in_progress', 'Art 35: reasons given'],
  ['received', 'record_deferral', 'clerk', 'received', 'Art 35, R-DL-05 (after the reasons step)'],
  ['in_progress', 'record_deferral', 'clerk', 'in_progress', 'Art 35, R-DL-05'],
  ['paused', 'record_deferral', 'clerk', 'paused', 'Art 35, R-DL-05'],
  ['received', 'reply', 'clerk', 'replied', 'Arts 36–39 (on the spot, Art 33(1))'],
  ['in_progress', 'reply', 'clerk', 'replied', 'Arts 36–39'],
  ['paused', 'reply', 'clerk', 'replied', 'Arts 36–39'],
  ['awaiting_reasons', 'reply', 'clerk', 'replied', 'Art 35: not processed (（五）4) or a reply'],
  ['replied', 'record_service', 'clerk', 'replied', 'R-DEL-01…03'],
  ['abandoned', 'record_service', 'clerk', 'abandoned', 'R-DEL-01 (termination notice)'],
  ['withdrawn', 'record_service', 'clerk', 'withdrawn', 'R-DEL-01 (withdrawal confirmation)'],
  [
    'submitted',
    'withdraw',
    'applicant',
    'withdrawn',
    '§6.1: withdrawal (never received: never counted, D-11)',
  ],
  ['submitted', 'withdraw', 'clerk', 'withdrawn', '§6.1: a clerk records a withdrawal'],
  ['received', 'withdraw', 'applicant', 'withdrawn', '§6.1 (（六）3)'],
  ['received', 'withdraw', 'clerk', 'withdrawn', '§6.1'],
  ['correction_requested', 'withdraw', 'applicant', 'withdrawn', '§6.1'],
  ['correction_requested', 'withdraw', 'clerk', 'withdrawn', '§6.1'],
  ['in_progress', 'withdraw', 'applicant', 'withdrawn', '§6.1'],
  ['in_progress', 'withdraw', 'clerk', 'withdrawn', '§6.1'],
  ['paused', 'withdraw', 'applicant', 'withdrawn', '§6.1'],
  ['paused', 'withdraw', 'clerk', 'withdrawn', '§6.1'],
  ['awaiting_reasons', 'withdraw', 'applicant', 'withdrawn', '§6.1'],
  ['awaiting_reasons', 'withdraw', 'clerk', 'withdrawn', '§6.1'],
  ['replied', 'reopen', 'clerk', 'in_progress', 'D-18: a decision orders a new answer'],
  ['replied', 'reopen', 'system', 'in_progress', 'D-18: recorded by the remedies module'],
  ['abandoned', 'reopen', 'clerk', 'in_progress', 'D-18'],
  ['abandoned', 'reopen', 'system', 'in_progress', 'D-18'],
  ['withdrawn', 'reopen', 'clerk', 'in_progress', 'D-18'],
  ['withdrawn', 'reopen', 'system', 'in_progress', 'D-18'],
];

const key = (s: string, a: string, r: string) => `${s} ${a} ${r}`;
const listed = new Set(ALLOWED.map(([s, a, r]) => key(s, a, r)));
const ctxOf = (c?: Partial<TransitionContext>): TransitionContext => ({
  openPauses: 0,
  assigned: false,
  ...c,
});

describe('case transition table', () => {
  it.each(ALLOWED.map((l) => [`${l[0]} —${l[1]}→ ${l[3]} by ${l[2]} (${l[4]})`, l] as const))(
    'allows %s',
    (_name, [from, action, actor, to, , ctx]) => {
      expect(transition(from, action, actor, ctxOf(ctx))).toEqual({ ok: true, to });
    },
  );

  it('refuses every (status, action, actor) not listed, telling a wrong state from a wrong actor', () => {
    const unexpected: string[] = [];
    for (const s of CASE_STATUSES) {
      for (const a of CASE_ACTIONS) {
        const stateAllowed = ALLOWED.some(([ls, la]) => ls === s && la === a);
        for (const r of ACTORS) {
          if (listed.has(key(s, a, r))) continue;
          const t = transition(s, a, r, ctxOf({ openPauses: 1, assigned: true }));
          const want = stateAllowed ? 'actor-not-allowed' : 'action-not-allowed-in-state';
          if (t.ok || t.reason !== want) unexpected.push(`${key(s, a, r)} → ${JSON.stringify(t)}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('lists every action at least once and no concluded status as a source of work', () => {
    expect(new Set(ALLOWED.map(([, a]) => a))).toEqual(new Set(CASE_ACTIONS));
    const fromConcluded = ALLOWED.filter(([s]) =>
      ['replied', 'abandoned', 'withdrawn'].includes(s),
    ).map(([, a]) => a);
    expect(new Set(fromConcluded)).toEqual(new Set(['record_service', 'reopen']));
  });
});
