import fc from 'fast-check';
import { classifyFailure } from '../../../src/modules/notifications/domain/mail-outcome';

describe(classifyFailure.name, () => {
  it('is permanent when the server answers 5xx, at any step of the conversation', () => {
    expect(classifyFailure({ responseCode: 550, code: 'EENVELOPE', afterFinalDot: false })).toBe(
      'permanent',
    );
    expect(classifyFailure({ responseCode: 554, code: 'EMESSAGE', afterFinalDot: true })).toBe(
      'permanent',
    );
  });

  it('is transient when the server answers 4xx (greylisting, mailbox busy)', () => {
    expect(classifyFailure({ responseCode: 451, afterFinalDot: false })).toBe('transient');
    expect(classifyFailure({ responseCode: 421, afterFinalDot: true })).toBe('transient');
  });

  it('is transient when the connection fails before the message is complete', () => {
    for (const code of ['ECONNREFUSED', 'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', undefined])
      expect(classifyFailure({ code, afterFinalDot: false })).toBe('transient');
  });

  it('is accepted-unconfirmed when no answer came after the final dot (a timeout after DATA)', () => {
    expect(classifyFailure({ code: 'ETIMEDOUT', afterFinalDot: true })).toBe('unconfirmed');
    expect(classifyFailure({ code: 'ECONNECTION', afterFinalDot: true })).toBe('unconfirmed');
  });

  it('is permanent for a message the transport itself can never send (bad envelope)', () => {
    expect(classifyFailure({ code: 'EENVELOPE', afterFinalDot: false })).toBe('permanent');
  });

  it('never says transient after the final dot unless the server answered 4xx', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
        fc.option(fc.constantFrom('ETIMEDOUT', 'ECONNECTION', 'ESOCKET', 'EENVELOPE'), {
          nil: undefined,
        }),
        (responseCode, code) => {
          const c = classifyFailure({ responseCode, code, afterFinalDot: true });
          const answered4xx =
            responseCode !== undefined && responseCode >= 400 && responseCode < 500;
          if (c === 'transient') expect(answered4xx).toBe(true);
          if (responseCode !== undefined && responseCode >= 500 && responseCode < 600)
            expect(c).toBe('permanent');
        },
      ),
    );
  });

  it('never says unconfirmed before the final dot', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (responseCode, code) => {
          expect(classifyFailure({ responseCode, code, afterFinalDot: false })).not.toBe(
            'unconfirmed',
          );
        },
      ),
    );
  });
});
