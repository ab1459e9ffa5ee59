import { isRedisUnavailable } from '../../../src/infra/queue/redis-unavailable';

describe(isRedisUnavailable.name, () => {
  it('recognises the errors of a Redis that is down, unreachable or too slow', () => {
    for (const message of [
      'Command timed out',
      'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.',
      'Connection is closed.',
      "Stream isn't writeable and enableOfflineQueue options is false",
      'connect ECONNREFUSED 127.0.0.1:6379',
    ])
      expect(isRedisUnavailable(new Error(message))).toBe(true);
    const maxRetries = Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' });
    expect(isRedisUnavailable(maxRetries)).toBe(true);
  });

  it('leaves every other error to the ordinary handling', () => {
    for (const e of [new Error('relation "x" does not exist'), null, 'Command timed out', {}])
      expect(isRedisUnavailable(e)).toBe(false);
  });
});
