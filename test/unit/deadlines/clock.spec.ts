import {
  InvalidDateError,
  PauseEndsBeforeStartError,
} from '../../../src/modules/calendar/domain/calendar-errors';
import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import { computeClock, type ClockInput } from '../../../src/modules/deadlines/domain/clock';
import {
  DatesOutOfOrderError,
  ExtensionTooLongError,
  InvalidExtensionError,
  InvalidRegimeError,
} from '../../../src/modules/deadlines/domain/deadline-errors';
import { FeeNotApplicableError } from '../../../src/modules/fees/domain/fee-errors';

const cal = nationalCalendar();
const clock = (input: ClockInput) => computeClock(cal, input);

describe(computeClock.name, () => {
  it('gives reply due 2024-10-17 when received in person on 2024-09-13 (WE-1)', () => {
    expect(clock({ received: '2024-09-13' })).toMatchObject({
      regime: 'OGI-2019',
      anchor: '2024-09-13',
      replyDue: '2024-10-17',
      paused: false,
      workingDaysLeft: null,
      provisional: false,
    });
    expect(clock({ received: '2024-09-13', extension: 20 }).replyDue).toBe(
      cal.addWorkingDays('2024-10-17', 20).due,
    );
  });

  it('restarts on the corrected application and keeps the notice due from the original receipt (WE-2)', () => {
    expect(clock({ received: '2025-01-26' })).toMatchObject({
      correctionNoticeDue: '2025-02-11',
      replyDue: '2025-02-28',
    });
    expect(
      clock({
        received: '2025-01-26',
        correctionRequested: '2025-02-10',
        correctionReceived: '2025-02-20',
      }),
    ).toMatchObject({
      anchor: '2025-02-20',
      restarted: true,
      correctionNoticeDue: '2025-02-11',
      correctionNoticeLate: false,
      replyDue: '2025-03-20',
    });
  });

  it('flags a correction notice sent after 7 WD and still restarts when the notice is late (D-4)', () => {
    const r = clock({
      received: '2025-01-26',
      correctionRequested: '2025-02-12',
      correctionReceived: '2025-02-20',
    });
    expect([r.correctionNoticeLate, r.replyDue]).toEqual([true, '2025-03-20']);
  });

  it('discards pauses that started before a correction restart (R-CNT-06)', () => {
    const base = { received: '2025-01-26', correctionReceived: '2025-02-20' };
    expect(clock({ ...base, pauses: [['2025-02-05', '2025-02-12']] }).replyDue).toBe('2025-03-20');
    expect(clock({ ...base, pauses: [['2025-02-21', '2025-02-24']] }).replyDue).toBe('2025-03-21');
  });

  it('adds a 20-WD extension after the due date when received on the eve of Labour Day (WE-3)', () => {
    expect(clock({ received: '2025-04-30' }).replyDue).toBe('2025-06-03');
    expect(clock({ received: '2025-04-30', extension: 20 })).toMatchObject({
      baseDue: '2025-06-03',
      replyDue: '2025-07-01',
    });
  });

  it.each([
    ['2026-02-13', '2026-03-19'],
    ['2026-02-24', '2026-03-23'],
    ['2022-09-30', '2022-11-02'],
  ])('counts make-up weekend days when received on %s (WE-4, WE-12)', (received, due) => {
    expect(clock({ received }).replyDue).toBe(due);
  });

  describe('consultation (WE-5)', () => {
    const consultation = { sentOn: '2026-09-18', partyReceivedOn: '2026-09-21' };

    it('gives the party 15 WD and pauses until the answer when the third party replies', () => {
      const r = clock({
        received: '2026-09-14',
        consultations: [{ ...consultation, answeredOn: '2026-10-12' }],
      });
      expect(r.consultations).toEqual([
        {
          sentOn: '2026-09-18',
          partyDue: '2026-10-19',
          pauseEnd: '2026-10-12',
          silence: false,
          provisional: false,
        },
      ]);
      expect(r.replyDue).toBe('2026-11-03');
    });

    it('ends the pause at the party limit when the third party never replies', () => {
      const r = clock({ received: '2026-09-14', consultations: [consultation] });
      expect(r.consultations[0]).toMatchObject({ pauseEnd: '2026-10-19', silence: true });
      expect(r.replyDue).toBe('2026-11-10');
    });

    it('stays paused with 16 WD left when asked before the party limit and no answer has come', () => {
      const r = clock({
        received: '2026-09-14',
        consultations: [consultation],
        asOf: '2026-10-01',
      });
      expect(r).toMatchObject({ paused: true, replyDue: null, workingDaysLeft: 16 });
    });

    it('ends the pause at the party limit when the answer comes late (D-6)', () => {
      const r = clock({
        received: '2026-09-14',
        consultations: [{ ...consultation, answeredOn: '2026-10-30' }],
      });
      expect(r.consultations[0]).toMatchObject({ pauseEnd: '2026-10-19', silence: true });
    });

    it('has no party limit under OGI-2008 so the pause stays open until the answer', () => {
      const r = clock({
        received: '2019-04-01',
        consultations: [{ sentOn: '2019-04-03', partyReceivedOn: '2019-04-04' }],
      });
      expect(r).toMatchObject({ regime: 'OGI-2008', paused: true, workingDaysLeft: 13 });
      expect(r.consultations[0].partyDue).toBeNull();
    });

    it('throws DatesOutOfOrderError when the answer predates the letter', () => {
      expect(() =>
        clock({
          received: '2026-09-14',
          consultations: [{ sentOn: '2026-09-18', answeredOn: '2026-09-17' }],
        }),
      ).toThrow(DatesOutOfOrderError);
    });
  });

  describe('fee notice (WE-6, D-7)', () => {
    const feeNotice = { sentOn: '2024-05-09', receivedOn: '2024-05-10', paidOn: '2024-05-20' };

    it('gives the payment window and pauses until payment when the fee is paid', () => {
      const r = clock({ received: '2024-04-26', feeNotice });
      expect(r.fee).toEqual({
        sentOn: '2024-05-09',
        paymentDue: '2024-06-06',
        pauseEnd: '2024-05-20',
        abandoned: false,
        provisional: false,
      });
      expect(r.replyDue).toBe('2024-06-06');
    });

    it('keeps the unpaused due date when the fee pause is switched off', () => {
      expect(clock({ received: '2024-04-26', feeNotice, feePause: false }).replyDue).toBe(
        '2024-05-27',
      );
    });

    it('marks the application abandoned when unpaid after the window (R-FEE-05)', () => {
      const r = clock({
        received: '2024-04-26',
        feeNotice: { ...feeNotice, paidOn: null },
        asOf: '2024-06-07',
      });
      expect(r).toMatchObject({ paused: true, fee: { abandoned: true, pauseEnd: null } });
    });

    it('throws FeeNotApplicableError when the application predates 2021 (R-FEE-09)', () => {
      expect(() => clock({ received: '2020-12-01', feeNotice })).toThrow(FeeNotApplicableError);
    });
  });

  describe('regime (WE-7, D-1)', () => {
    it('applies OGI-2008 15+15 WD when received before 2019-05-15', () => {
      expect(clock({ received: '2019-04-26' })).toMatchObject({
        regime: 'OGI-2008',
        replyDue: '2019-05-20',
        correctionNoticeDue: null,
      });
      expect(clock({ received: '2019-04-26', extension: 15 }).replyDue).toBe('2019-06-11');
    });

    it('gives 2019-05-27 when OGI-2019 is applied explicitly to the same case', () => {
      expect(clock({ received: '2019-04-26', regime: 'OGI-2019' }).replyDue).toBe('2019-05-27');
    });

    it('follows a configured cutover when one is given', () => {
      expect(clock({ received: '2019-05-20', regimeCutover: '2019-06-01' }).regime).toBe(
        'OGI-2008',
      );
      expect(clock({ received: '2019-05-15' }).regime).toBe('OGI-2019');
    });

    it('throws InvalidRegimeError when the regime is unknown', () => {
      expect(() => clock({ received: '2024-09-13', regime: 'OGI-2020' as never })).toThrow(
        InvalidRegimeError,
      );
    });
  });

  describe('extension (R-DL-02, D-5)', () => {
    it.each([
      ['OGI-2019', '2024-09-13', 21],
      ['OGI-2008', '2019-04-26', 16],
    ])('throws ExtensionTooLongError when %s allows less', (_regime, received, extension) => {
      expect(() => clock({ received, extension })).toThrow(ExtensionTooLongError);
      expect(() => clock({ received, extension })).toThrow(
        expect.objectContaining({ code: 'extension-too-long' }),
      );
    });

    it.each([-1, 1.5, Number.NaN])(
      'throws InvalidExtensionError when the extension is %p',
      (extension) => {
        expect(() => clock({ received: '2024-09-13', extension })).toThrow(InvalidExtensionError);
      },
    );

    it('includes the extension in the days left when a pause is open', () => {
      expect(
        clock({ received: '2026-09-14', pauses: [['2026-09-18', null]], extension: 5 })
          .workingDaysLeft,
      ).toBe(21);
    });
  });

  describe('input validation', () => {
    it('throws InvalidDateError when the date of receipt is impossible', () => {
      expect(() => clock({ received: '2025-02-30' })).toThrow(InvalidDateError);
    });

    it('throws PauseEndsBeforeStartError when a pause ends before it starts', () => {
      expect(() =>
        clock({ received: '2024-09-13', pauses: [['2024-09-20', '2024-09-19']] }),
      ).toThrow(PauseEndsBeforeStartError);
    });

    it.each<[string, ClockInput]>([
      ['correction before receipt', { received: '2024-09-13', correctionReceived: '2024-09-12' }],
      [
        'correction before notice',
        {
          received: '2024-09-13',
          correctionRequested: '2024-09-20',
          correctionReceived: '2024-09-19',
        },
      ],
      ['pause before receipt', { received: '2024-09-13', pauses: [['2024-09-12', '2024-09-20']] }],
      ['deferral not after anchor', { received: '2024-09-13', deferralDue: '2024-09-13' }],
    ])('throws DatesOutOfOrderError when %s', (_case, input) => {
      expect(() => clock(input)).toThrow(DatesOutOfOrderError);
    });
  });

  it('uses the Art 35 deferral as the reply due when one is set (R-DL-05)', () => {
    expect(clock({ received: '2024-09-13', deferralDue: '2024-12-31' })).toMatchObject({
      replyDue: '2024-12-31',
      deferred: true,
      baseDue: '2024-10-17',
    });
  });

  it('is provisional when the count reaches a year without a published arrangement (R-WD-04)', () => {
    expect(clock({ received: '2026-12-10' }).provisional).toBe(true);
    expect(clock({ received: '2026-11-10' }).provisional).toBe(false);
  });
});
