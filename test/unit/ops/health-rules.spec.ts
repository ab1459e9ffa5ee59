import {
  evictionCheck,
  outboxJobsDegraded,
  schedulersCheck,
  timersCheck,
  upkeepCheck,
  type UpkeepFacts,
  type WorkerFacts,
} from '../../../src/modules/ops/health-rules';

const upkeep = (over: Partial<UpkeepFacts> = {}, ageSeconds = 1): WorkerFacts['upkeep'] => ({
  ageSeconds,
  value: {
    everyMs: 10_000,
    worker: 'w:1',
    evictionPolicy: 'noeviction',
    schedulersMissing: [],
    schedulersPresent: ['reconcile-deadlines'],
    queues: {},
    errors: [],
    ...over,
  },
});

describe('health rules', () => {
  it('are up when no worker has recorded anything yet', () => {
    for (const check of [upkeepCheck, evictionCheck, schedulersCheck, timersCheck])
      expect(check({}).status).toBe('up');
    expect(outboxJobsDegraded({})).toBeNull();
  });

  it('are up after a clean round', () => {
    const f: WorkerFacts = {
      upkeep: upkeep(),
      deadlines: { ageSeconds: 1, value: { phase: 'done', missing: 0, rearmed: 0 } },
      outbox: { ageSeconds: 1, value: { checked: 3, missing: 0 } },
    };
    for (const check of [upkeepCheck, evictionCheck, schedulersCheck, timersCheck])
      expect(check(f).status).toBe('up');
    expect(outboxJobsDegraded(f)).toBeNull();
  });

  it('say degraded while a reconcile heals a wiped Redis', () => {
    const f: WorkerFacts = {
      deadlines: { ageSeconds: 2, value: { phase: 'healing', markerMissing: true } },
    };
    expect(timersCheck(f)).toEqual(
      expect.objectContaining({ status: 'degraded', problem: expect.stringMatching(/marker/) }),
    );
  });

  it('say degraded when the last pass found live deadlines without a job', () => {
    const f: WorkerFacts = {
      deadlines: { ageSeconds: 2, value: { phase: 'done', missing: 12, rearmed: 12 } },
    };
    expect(timersCheck(f)).toEqual(
      expect.objectContaining({ status: 'degraded', deadlinesWithoutJob: 12 }),
    );
  });

  it('say degraded when the deadline reconcile has been silent for 10 minutes', () => {
    const f: WorkerFacts = { deadlines: { ageSeconds: 601, value: { phase: 'done', missing: 0 } } };
    expect(timersCheck(f).status).toBe('degraded');
  });

  it('say degraded when schedulers were missing', () => {
    expect(
      schedulersCheck({ upkeep: upkeep({ schedulersMissing: ['supervisor-digest'] }) }),
    ).toEqual(expect.objectContaining({ status: 'degraded', missing: ['supervisor-digest'] }));
  });

  it('say degraded when the eviction policy is no longer noeviction', () => {
    expect(evictionCheck({ upkeep: upkeep({ evictionPolicy: 'allkeys-lru' }) })).toEqual(
      expect.objectContaining({ status: 'degraded', evictionPolicy: 'allkeys-lru' }),
    );
  });

  it('say degraded when no upkeep round came for three intervals, or the last one failed', () => {
    expect(upkeepCheck({ upkeep: upkeep({}, 39) }).status).toBe('up');
    expect(upkeepCheck({ upkeep: upkeep({}, 41) }).status).toBe('degraded');
    expect(upkeepCheck({ upkeep: upkeep({ errors: ['schedulers: Command timed out'] }) })).toEqual(
      expect.objectContaining({ status: 'degraded', errors: ['schedulers: Command timed out'] }),
    );
  });

  it('say the outbox is degraded when pending e-mails had no send job', () => {
    expect(
      outboxJobsDegraded({ outbox: { ageSeconds: 1, value: { checked: 9, missing: 9 } } }),
    ).toMatch(/9 pending/);
  });
});
