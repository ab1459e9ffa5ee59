import type { ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { PinoLogger } from 'nestjs-pino';
import { loadConfig } from '../../../src/infra/config/app-config';
import type { PoolMonitor } from '../../../src/infra/database/pool-monitor';
import { ProblemDetailsFilter } from '../../../src/infra/http/problem-details.filter';

/** The filter as a request that needed Redis before committing sees it. */
function answer(err: unknown): {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
} {
  const out = {
    status: 0,
    headers: {} as Record<string, string>,
    body: {} as Record<string, unknown>,
  };
  const res = {
    setHeader: (k: string, v: string) => (out.headers[k.toLowerCase()] = v),
    getHeader: (k: string) => out.headers[k.toLowerCase()],
    status(s: number) {
      out.status = s;
      return this;
    },
    type() {
      return this;
    },
    json(b: Record<string, unknown>) {
      out.body = b;
      return this;
    },
  };
  const req = { originalUrl: '/api/v1/x', url: '/api/v1/x', path: '/api/v1/x', method: 'POST' };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }),
  } as unknown as ArgumentsHost;
  const logger = { warn: () => undefined, error: () => undefined } as unknown as PinoLogger;
  const pool = { stats: () => ({}) } as unknown as PoolMonitor;
  new ProblemDetailsFilter(logger, pool, loadConfig({}), {} as HttpAdapterHost).catch(err, host);
  return out;
}

describe(ProblemDetailsFilter.name, () => {
  it('answers 503 with Retry-After when Redis did not answer in time (never 500)', () => {
    const res = answer(new Error('Command timed out'));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual(
      expect.objectContaining({ code: 'unavailable', reason: 'redis-unavailable', status: 503 }),
    );
  });
});
