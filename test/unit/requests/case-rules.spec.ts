import fc from 'fast-check';
import { addDays, fromEpochDay, toEpochDay } from '../../../src/modules/calendar/domain/local-date';
import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import { LEGAL_PERIODS } from '../../../src/modules/deadlines/domain/legal-periods';
import type { CaseFacts } from '../../../src/modules/requests/domain/case-facts';
import { isOverdue } from '../../../src/modules/requests/domain/case-queries';
import { plannedDeadlines } from '../../../src/modules/requests/domain/deadline-plan';
import {
  concludedOnAfter,
  decideConsultationClose,
  decideCorrectionAbandonment,
  decideCorrectionNotice,
  decideReceiptCorrection,
  decideDeferral,
  decideExtensionRequest,
  decideFeeAbandonment,
  decideFeeNotice,
  decideFeePayment,
  decideReply,
  decideService,
  isOnTime,
  partyDueOf,
  paymentDueOf,
} from '../../../src/modules/requests/domain/rules';
import {
  formatTrackingCode,
  normalizeTrackingCode,
  trackingCodeHash,
} from '../../../src/modules/requests/domain/tracking-code';

const cal = nationalCalendar();
const day = fc
  .integer({ min: toEpochDay('2021-01-04'), max: toEpochDay('2026-10-31') })
  .map(fromEpochDay);

const CASE: CaseFacts = {
  status: 'in_progress',
  source: 'live',
  regime: 'OGI-2019',
  receivedOn: '2026-09-14',
  correctionNoticeDue: '2026-09-23',
  correctionRequestedOn: null,
  correctionPeriodEnd: null,
  correctionReceivedOn: null,
  baseDue: '2026-10-16',
  replyDue: '2026-10-16',
  lateSince: null,
  reasonsRequestedOn: null,
  reasonsReceivedOn: null,
  repliedOn: null,
  reopenedOn: null,
  assigneeId: null,
};
const refusedWith = (code: string) =>
  expect.objectContaining({ ok: false, refusal: expect.objectContaining({ code }) });
const fieldRefused = (field: string, code: string) =>
  expect.objectContaining({
    ok: false,
    refusal: expect.objectContaining({ fieldErrors: [expect.objectContaining({ field, code })] }),
  });

describe('fee rules (109号, R-FEE-04)', () => {
  it("counts the payment window from the applicant's receipt of the notice, never from its sending", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), (sentOn, lag) => {
        const receivedOn = addDays(sentOn, lag);
        expect(paymentDueOf(cal, { sentOn, receivedOn })).toBe(
          cal.addWorkingDays(receivedOn, LEGAL_PERIODS.feePayment.length).due,
        );
        expect(paymentDueOf(cal, { sentOn, receivedOn: null })).toBeNull();
      }),
    );
  });

  it('refuses a payment after the window and accepts one on its last day (WE-6)', () => {
    const notice = { sentOn: '2024-05-09', receivedOn: '2024-05-10', paidOn: null };
    expect(
      decideFeePayment(cal, notice, {
        today: '2024-06-07',
        paidOn: '2024-06-06',
        noticeReceivedOn: null,
      }),
    ).toEqual({ ok: true, value: { receivedOn: '2024-05-10', paymentDue: '2024-06-06' } });
    expect(
      decideFeePayment(cal, notice, {
        today: '2024-06-07',
        paidOn: '2024-06-07',
        noticeReceivedOn: null,
      }),
    ).toEqual(refusedWith('payment-window-closed'));
  });

  it('abandons only after the window, concluding on the day after it ran out', () => {
    const notice = {
      sentOn: '2024-05-09',
      receivedOn: '2024-05-10',
      paidOn: null,
      paymentDue: '2024-06-06',
    };
    expect(decideFeeAbandonment({ status: 'paused' }, notice, '2024-06-06')).toEqual(
      refusedWith('payment-window-running'),
    );
    expect(decideFeeAbandonment({ status: 'paused' }, notice, '2024-06-20')).toEqual({
      ok: true,
      value: { concludedOn: '2024-06-07', paymentDue: '2024-06-06' },
    });
  });

  it('refuses a notice outside OGI-2019, in the free band, or after the due date', () => {
    const base = {
      today: '2026-09-20',
      alreadyIssued: false,
      method: 'per-volume' as const,
      pages: 40,
      nthInMonth: 1,
      sentOn: '2026-09-20',
      receivedOn: null,
    };
    expect(
      decideFeeNotice({ ...CASE, regime: 'OGI-2008', receivedOn: '2019-04-26' }, base),
    ).toEqual(fieldRefused('regime', 'fee-not-in-regime'));
    expect(decideFeeNotice(CASE, { ...base, pages: 30 })).toEqual(
      fieldRefused('method', 'fee-in-free-band'),
    );
    expect(decideFeeNotice(CASE, { ...base, today: '2026-10-19', sentOn: '2026-10-19' })).toEqual(
      refusedWith('fee-notice-after-due'),
    );
    expect(decideFeeNotice(CASE, { ...base, alreadyIssued: true })).toEqual(
      refusedWith('fee-notice-exists'),
    );
    expect(decideFeeNotice(CASE, base)).toEqual({
      ok: true,
      value: { quantity: 40, amountYuan: 100 },
    });
  });
});

describe('consultation rules (Arts 32, 34, R-TP-02)', () => {
  it('gives the party 15 WD from its own receipt under OGI-2019 and none under OGI-2008', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 20 }), (sentOn, lag) => {
        const partyReceivedOn = addDays(sentOn, lag);
        expect(partyDueOf(cal, { regime: 'OGI-2019' }, { sentOn, partyReceivedOn })).toBe(
          cal.addWorkingDays(partyReceivedOn, LEGAL_PERIODS.consultationReply.length).due,
        );
        expect(partyDueOf(cal, { regime: 'OGI-2008' }, { sentOn, partyReceivedOn })).toBeNull();
      }),
    );
  });

  it('closes by silence only after the party limit (WE-5), as deemed consent for another agency', () => {
    const x = {
      partyKind: 'other_agency' as const,
      sentOn: '2026-09-18',
      partyReceivedOn: '2026-09-21',
      outcome: null,
    };
    expect(
      decideConsultationClose(cal, CASE, x, {
        today: '2026-10-19',
        outcome: 'silence',
        answeredOn: null,
        partyReceivedOn: null,
      }),
    ).toEqual(refusedWith('party-may-still-answer'));
    expect(
      decideConsultationClose(cal, CASE, x, {
        today: '2026-10-20',
        outcome: 'silence',
        answeredOn: null,
        partyReceivedOn: null,
      }),
    ).toEqual({
      ok: true,
      value: {
        partyReceivedOn: '2026-09-21',
        partyDue: '2026-10-19',
        answeredOn: null,
        deemedConsent: true,
      },
    });
  });
});

describe('correction rules (Art 30, D-4, R-COR-04)', () => {
  const LIMITS = { min: 5, max: 30 };
  const notice = (c: CaseFacts, today: string, periodEnd: string) =>
    decideCorrectionNotice(c, {
      today,
      periodEnd,
      periodWd: periodEnd > today ? cal.countWorkingDays(today, periodEnd) : 0,
      limits: LIMITS,
    });

  it('flags a notice later than 7 WD but allows it; refuses it under OGI-2008', () => {
    expect(notice(CASE, '2026-09-23', '2026-10-09')).toEqual({
      ok: true,
      value: { late: false, lateSince: null },
    });
    expect(notice(CASE, '2026-09-24', '2026-10-09')).toEqual({
      ok: true,
      value: { late: true, lateSince: null },
    });
    expect(notice({ ...CASE, regime: 'OGI-2008' }, '2019-04-29', '2019-05-10')).toEqual(
      fieldRefused('regime', 'correction-not-in-ogi-2008'),
    );
  });

  it('makes the case late from its due date when the notice comes after it (D-4)', () => {
    expect(notice(CASE, '2026-10-19', '2026-10-30')).toEqual({
      ok: true,
      value: { late: true, lateSince: '2026-10-16' },
    });
    expect(notice(CASE, '2026-10-16', '2026-10-30')).toMatchObject({
      value: { lateSince: null },
    });
  });

  it('keeps the correction period between 5 and 30 working days (R-COR-02, configurable)', () => {
    const wd = (n: number) => cal.addWorkingDays('2026-09-23', n).due!;
    expect(notice(CASE, '2026-09-23', wd(5))).toMatchObject({ ok: true });
    expect(notice(CASE, '2026-09-23', wd(4))).toEqual(
      fieldRefused('periodEnd', 'correction-period-out-of-range'),
    );
    const wd30 = cal.addWorkingDays('2026-09-23', 30).due!;
    expect(notice(CASE, '2026-09-23', wd30)).toMatchObject({ ok: true });
    expect(notice(CASE, '2026-09-23', cal.addWorkingDays('2026-09-23', 31).due!)).toEqual(
      fieldRefused('periodEnd', 'correction-period-out-of-range'),
    );
  });

  it('abandons the day after the correction period, never before', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -5, max: 5 }), (periodEnd, delta) => {
        const today = addDays(periodEnd, delta);
        const d = decideCorrectionAbandonment(
          { status: 'correction_requested', correctionPeriodEnd: periodEnd },
          today,
        );
        if (delta <= 0) expect(d).toEqual(refusedWith('correction-period-running'));
        else
          expect(d).toEqual({ ok: true, value: { concludedOn: addDays(periodEnd, 1), periodEnd } });
      }),
    );
  });
});

describe('extension and deferral rules (Art 33(2), Art 35, D-5, D-19)', () => {
  it('allows one extension of at most the regime maximum, asked on or before the due date', () => {
    expect(decideExtensionRequest(CASE, [], { today: '2026-10-16', days: 20 })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(decideExtensionRequest(CASE, [], { today: '2026-10-16', days: 21 })).toEqual(
      fieldRefused('days', 'extension-too-long'),
    );
    expect(
      decideExtensionRequest({ ...CASE, regime: 'OGI-2008' }, [], {
        today: '2026-10-16',
        days: 16,
      }),
    ).toEqual(fieldRefused('days', 'extension-too-long'));
    expect(decideExtensionRequest(CASE, [], { today: '2026-10-17', days: 10 })).toEqual(
      refusedWith('extension-too-late'),
    );
    expect(
      decideExtensionRequest(CASE, [{ days: 10, approved: true }], {
        today: '2026-10-01',
        days: 10,
      }),
    ).toEqual(refusedWith('extension-already-used'));
    expect(
      decideExtensionRequest(CASE, [{ days: 10, approved: false }], {
        today: '2026-10-01',
        days: 10,
      }),
    ).toEqual({ ok: true, value: undefined });
  });

  it('defers only after the reasons step, on or before the due date, at most 12 months after receipt', () => {
    const withReasons = {
      ...CASE,
      reasonsRequestedOn: '2026-09-20',
      reasonsReceivedOn: '2026-09-25',
    };
    expect(decideDeferral(CASE, { today: '2026-10-01', deferralDue: '2026-12-31' })).toEqual(
      refusedWith('reasons-not-received'),
    );
    expect(decideDeferral(withReasons, { today: '2026-10-17', deferralDue: '2026-12-31' })).toEqual(
      refusedWith('deferral-too-late'),
    );
    expect(decideDeferral(withReasons, { today: '2026-10-01', deferralDue: '2026-10-16' })).toEqual(
      fieldRefused('deferralDue', 'deferral-not-after-due'),
    );
    expect(decideDeferral(withReasons, { today: '2026-10-01', deferralDue: '2027-09-15' })).toEqual(
      fieldRefused('deferralDue', 'deferral-too-far'),
    );
    expect(decideDeferral(withReasons, { today: '2026-10-01', deferralDue: '2027-09-14' })).toEqual(
      { ok: true, value: undefined },
    );
  });
});

describe('reply and service rules (Arts 36–39, R-DEL-03, R-DL-04)', () => {
  it('requires what the reply type requires', () => {
    const base = {
      today: '2026-10-01',
      repliedOn: '2026-10-01',
      withheldCount: 0,
      responsibleAgency: null,
    };
    expect(decideReply(CASE, { ...base, type: 'PARTIAL_REDACTED' })).toEqual(
      fieldRefused('withheld', 'withheld-list-required'),
    );
    expect(decideReply(CASE, { ...base, type: 'NOT_THIS_AGENCY' })).toEqual(
      fieldRefused('responsibleAgency', 'responsible-agency-required'),
    );
    expect(decideReply(CASE, { ...base, type: 'WITHDRAWN' })).toEqual(
      fieldRefused('replyType', 'reply-type-by-own-action'),
    );
    expect(decideReply(CASE, { ...base, type: 'DISCLOSED', repliedOn: '2026-09-13' })).toEqual(
      fieldRefused('repliedOn', 'date-outside-case-period'),
    );
    expect(decideReply(CASE, { ...base, type: 'DISCLOSED' })).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('is on time when served (post: posted) on or before the due date — the delivery day does not count', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (due, delta, transit) => {
          const posted = addDays(due, delta);
          const service = decideService(
            { status: 'replied', repliedOn: addDays(due, -20) },
            {
              today: addDays(posted, 30),
              method: 'post',
              servedOn: posted,
              deliveredOn: addDays(posted, transit),
            },
          );
          expect(service.ok).toBe(true);
          expect(isOnTime(due, posted)).toBe(delta <= 0);
        },
      ),
    );
  });

  it('fixes concludedOn at the first conclusion; a later one never moves it, a never-received withdrawal never counts', () => {
    fc.assert(
      fc.property(day, day, (first, later) => {
        const once = concludedOnAfter(null, { kind: 'served', complied: first });
        expect(once).toBe(first);
        expect(concludedOnAfter(once, { kind: 'served', complied: later })).toBe(first);
        expect(concludedOnAfter(once, { kind: 'abandoned', concludedOn: later })).toBe(first);
      }),
    );
    expect(
      concludedOnAfter(null, { kind: 'withdrawn', on: '2026-10-01', everReceived: false }),
    ).toBeNull();
    expect(
      concludedOnAfter(null, { kind: 'withdrawn', on: '2026-10-01', everReceived: true }),
    ).toBe('2026-10-01');
  });
});

describe('imported cases (source: import)', () => {
  it('have no timers and are never overdue, whatever their dates', () => {
    const imported = {
      ...CASE,
      source: 'import' as const,
      replyDue: '2020-01-01',
      channel: 'post',
      submittedAt: new Date('2020-01-01T02:00:00Z'),
    };
    expect(plannedDeadlines(cal, imported, { consultations: [], feeNotice: null })).toEqual([]);
    expect(isOverdue(imported, '2026-01-01')).toBe(false);
    expect(isOverdue({ ...imported, source: 'live' }, '2026-01-01')).toBe(true);
    expect(
      plannedDeadlines(
        cal,
        { ...imported, source: 'live' },
        { consultations: [], feeNotice: null },
      ),
    ).toEqual([
      expect.objectContaining({ kind: 'reply' }),
      expect.objectContaining({ kind: 'correction_notice' }),
    ]);
  });
});

describe('tracking codes', () => {
  it('carry 65 random bits in 13 typeable characters, read back whatever the case and separators', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 9, maxLength: 9 }), (bytes) => {
        const code = formatTrackingCode(bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(normalizeTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(
          code.replace(/-/g, ''),
        );
        expect(trackingCodeHash(code.toLowerCase())).toBe(trackingCodeHash(code));
      }),
    );
    // Different bytes in the first 65 bits give different codes.
    const a = new Uint8Array(9);
    const b = new Uint8Array(9);
    b[0] = 0x80;
    expect(formatTrackingCode(a)).not.toBe(formatTrackingCode(b));
    expect(normalizeTrackingCode('not a code')).toBeNull();
  });
});

describe('receipt date correction (Art 31, D-1)', () => {
  const fix = (receivedOn: string, c: Partial<CaseFacts> = {}) =>
    decideReceiptCorrection(
      { ...CASE, ...c },
      { today: '2026-09-18', receivedOn, submittedOn: '2026-09-10' },
    );

  it('takes a real earlier or later day within the case', () => {
    expect(fix('2026-09-11')).toEqual({ ok: true, value: undefined });
    expect(fix('2026-09-18')).toEqual({ ok: true, value: undefined });
  });

  it('refuses the future, before 2008-05-01, before submission, the same day, after a step', () => {
    expect(fix('2026-09-19')).toEqual(fieldRefused('receivedOn', 'date-in-future'));
    expect(fix('2008-04-30')).toEqual(fieldRefused('receivedOn', 'date-before-ogi'));
    expect(fix('2026-09-09')).toEqual(fieldRefused('receivedOn', 'date-before-submission'));
    expect(fix('2026-09-14')).toEqual(fieldRefused('receivedOn', 'receipt-date-unchanged'));
    expect(fix('2026-09-16', { correctionRequestedOn: '2026-09-15' })).toEqual(
      fieldRefused('receivedOn', 'receipt-after-step'),
    );
    expect(fix('2026-09-16', { reasonsRequestedOn: '2026-09-15' })).toEqual(
      fieldRefused('receivedOn', 'receipt-after-step'),
    );
  });

  it('never moves a case across the 2019-05-15 cutover (the rules applied would change)', () => {
    const r = decideReceiptCorrection(
      { ...CASE, regime: 'OGI-2008', receivedOn: '2019-05-14' },
      { today: '2019-05-20', receivedOn: '2019-05-15', submittedOn: '2019-05-14' },
    );
    expect(r).toEqual(fieldRefused('receivedOn', 'receipt-changes-regime'));
  });
});
