import { mailDeliveryCheck, type MailFacts } from '../../../src/modules/ops/health-rules';

const facts = (over: Partial<MailFacts> = {}): MailFacts => ({
  statutoryUnresolved: 0,
  otherUnresolved: 0,
  unconfirmed: 0,
  retrying: 0,
  statutoryRetrying: 0,
  oldestStatutoryRetryingSeconds: 0,
  ...over,
});

describe(mailDeliveryCheck.name, () => {
  it('is up with nothing failed', () => {
    expect(mailDeliveryCheck(facts()).status).toBe('up');
  });

  it('is degraded by one unresolved statutory letter (failed or unconfirmed)', () => {
    expect(mailDeliveryCheck(facts({ statutoryUnresolved: 1 }))).toEqual(
      expect.objectContaining({ status: 'degraded', statutoryUnresolved: 1 }),
    );
  });

  it('stays up with any number of other failures (a mistyped staff address)', () => {
    expect(
      mailDeliveryCheck(facts({ otherUnresolved: 40, unconfirmed: 3, retrying: 9 })).status,
    ).toBe('up');
  });

  it('is degraded when a statutory letter has waited for the mail server more than 10 minutes', () => {
    expect(
      mailDeliveryCheck(facts({ statutoryRetrying: 1, oldestStatutoryRetryingSeconds: 599 }))
        .status,
    ).toBe('up');
    expect(
      mailDeliveryCheck(facts({ statutoryRetrying: 1, oldestStatutoryRetryingSeconds: 601 }))
        .status,
    ).toBe('degraded');
  });
});
