import { dbUnavailable } from '../../../src/infra/database/db-unavailable';

const withCode = (message: string, code?: string) =>
  Object.assign(new Error(message), code ? { code } : {});

describe(dbUnavailable.name, () => {
  it('says database-down, retry after 10 s, for every way PostgreSQL goes away', () => {
    const cases = [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('Connection terminated unexpectedly'),
      withCode('Client has encountered a connection error and is not queryable'),
      withCode('Query runner already released. Cannot run queries anymore.'),
      withCode(
        'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
      ),
      {
        message: 'Query failed',
        driverError: withCode('Connection terminated due to connection timeout'),
      },
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
      { message: 'x', cause: new AggregateError([withCode('x', 'ECONNREFUSED')], '') },
    ];
    for (const err of cases)
      expect({ err: String((err as Error).message), r: dbUnavailable(err) }).toEqual({
        err: String((err as Error).message),
        r: { reason: 'database-down', retryAfterSeconds: 10 },
      });
  });

  it('keeps the capacity reasons apart', () => {
    expect(dbUnavailable(withCode('timeout exceeded when trying to connect'))?.reason).toBe(
      'pool-exhausted',
    );
    expect(
      dbUnavailable(withCode('canceling statement due to lock timeout', '55P03'))?.reason,
    ).toBe('lock-timeout');
  });

  it('is null for errors about the request itself', () => {
    expect(dbUnavailable(withCode('duplicate key value', '23505'))).toBeNull();
    expect(dbUnavailable(new Error('boom'))).toBeNull();
    expect(dbUnavailable(null)).toBeNull();
  });
});
