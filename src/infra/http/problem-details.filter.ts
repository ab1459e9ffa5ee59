import { errorPage, wantsPage } from './error-page';
import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  NotFoundException,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { DomainError } from '../../shared/domain/domain-error';
import type { ReasonCode } from '../../shared/domain/reason-code';
import { Refusal, type FieldProblem } from '../../shared/domain/refusal';
import { messageOf, titleOf, type MessageParams } from '../../shared/i18n/messages';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dbUnavailable, type DbUnavailable } from '../database/db-unavailable';
import { PoolMonitor } from '../database/pool-monitor';
import { isRedisUnavailable, REDIS_RETRY_AFTER_SECONDS } from '../queue/redis-unavailable';
import { httpStatusOf } from './domain-error';
import { allowedMethods, bodyParserProblem, malformedJsonProblem } from './input/input-errors';

export interface ProblemDetails {
  /** `${PUBLIC_URL}/problems/<code>`: a page explaining the reason. */
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  /** The reason code (one enum, src/shared/domain/reason-code.ts). */
  code: ReasonCode;
  errors?: readonly FieldProblem[];
  [extra: string]: unknown;
}

/** Reason of a framework HttpException (routing, body parsing, throttling). */
const REASON_OF_STATUS: Record<number, ReasonCode> = {
  400: 'validation-failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'unavailable',
};

const UNAVAILABLE_DETAIL: Record<DbUnavailable['reason'], [string, string]> = {
  'pool-exhausted': [
    '服务繁忙，请稍后重试。',
    'The service is busy (no database connection free); please retry shortly.',
  ],
  'lock-timeout': [
    '该记录正被其他操作处理，请稍后重试。',
    'The record is being changed by another operation; please retry shortly.',
  ],
  'idle-in-transaction-timeout': ['操作超时，请重试。', 'The operation timed out; please retry.'],
  'statement-timeout': ['操作超时，请重试。', 'The operation timed out; please retry.'],
  deadlock: [
    '操作与其他操作冲突，请重试。',
    'The operation collided with another one; please retry.',
  ],
  'database-down': [
    '数据库暂时不可用，请稍后重试。',
    'The database is unavailable; please retry later.',
  ],
};

/** Every error leaves the API as RFC 9457 problem details (application/problem+json). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: PinoLogger,
    private readonly pool: PoolMonitor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapter: HttpAdapterHost,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const instance = req.originalUrl ?? req.url;
    const unavailable = dbUnavailable(exception);
    if (unavailable) {
      this.logUnavailable(unavailable, exception);
      res.setHeader('Retry-After', String(unavailable.retryAfterSeconds));
      const [zh, en] = UNAVAILABLE_DETAIL[unavailable.reason];
      this.send(res, {
        ...this.problem('unavailable', 503, `${zh} ${en}`, instance),
        reason: unavailable.reason,
        retryAfterSeconds: unavailable.retryAfterSeconds,
      });
      return;
    }
    if (isRedisUnavailable(exception)) {
      // Bounded by REDIS_COMMAND_TIMEOUT_MS: a request that needs Redis fails fast, never hangs.
      this.logger.warn({ err: exception }, 'redis unavailable; answered 503');
      res.setHeader('Retry-After', String(REDIS_RETRY_AFTER_SECONDS));
      this.send(res, {
        ...this.problem(
          'unavailable',
          503,
          '任务队列暂时不可用，请稍后重试。 The job queue (Redis) is unavailable; please retry shortly.',
          instance,
        ),
        reason: 'redis-unavailable',
        retryAfterSeconds: REDIS_RETRY_AFTER_SECONDS,
      });
      return;
    }
    const problem = this.inputProblem(exception, req, res) ?? this.toProblem(exception, instance);
    if (problem.status >= 500) this.logger.error({ err: exception }, 'unhandled error');
    // A refusal that says when to retry (sign-in failures per address) says it in the header too.
    const retry = (problem as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retry === 'number' && !res.getHeader('Retry-After'))
      res.setHeader('Retry-After', String(retry));
    this.send(res, problem);
  }

  private send(res: Response, problem: ProblemDetails): void {
    const req = res.req;
    if (req && wantsPage(req)) {
      // A browser on a portal address reads a page, never raw JSON.
      res
        .status(problem.status)
        .setHeader('content-security-policy', "default-src 'self'; frame-ancestors 'none'")
        .type('html')
        .send(errorPage({ code: problem.code, status: problem.status, detail: problem.detail }));
      return;
    }
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  private problem(
    code: ReasonCode,
    status: number,
    detail: string,
    instance: string,
  ): ProblemDetails {
    return {
      type: `${this.config.http.publicUrl}/problems/${code}`,
      title: titleOf(code),
      status,
      detail,
      instance,
      code,
    };
  }

  /** Refusals made before any handler: body parsing, unknown routes and methods, throttling. */
  private inputProblem(exception: unknown, req: Request, res: Response): ProblemDetails | null {
    const instance = req.originalUrl ?? req.url;
    const parser = bodyParserProblem(exception, this.config.http.bodyLimit);
    if (parser) return this.withParams(parser.code, parser.status, parser.params, instance);
    if (exception instanceof BadRequestException) {
      const json = malformedJsonProblem(exception.message);
      if (json) return this.withParams(json.code, json.status, json.params, instance);
    }
    if (exception instanceof ThrottlerException) {
      const retryAfter = Number(res.getHeader('Retry-After') ?? 60);
      return {
        ...this.withParams('rate-limited', 429, { retryAfter }, instance),
        retryAfterSeconds: retryAfter,
      };
    }
    if (exception instanceof NotFoundException && /^Cannot [A-Z]+ /.test(exception.message)) {
      const allowed = allowedMethods(this.adapter.httpAdapter.getInstance(), req.path);
      if (allowed.length && !allowed.includes(req.method)) {
        res.setHeader('Allow', allowed.join(', '));
        return this.withParams(
          'method-not-allowed',
          405,
          { allowed: allowed.join(', ') },
          instance,
        );
      }
    }
    return null;
  }

  private withParams(
    code: ReasonCode,
    status: number,
    params: MessageParams,
    instance: string,
  ): ProblemDetails {
    return this.problem(code, status, messageOf(code, params), instance);
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof Refusal) {
      return {
        ...exception.extra,
        ...this.problem(exception.code, httpStatusOf(exception.code), exception.message, instance),
        ...(exception.fieldErrors.length ? { errors: exception.fieldErrors } : {}),
      };
    }
    if (exception instanceof DomainError) {
      // Pure domain rules (calendar, deadlines, fees) reject input: 400 with the domain code.
      const domain = exception as DomainError;
      const code: ReasonCode = domain.code;
      return {
        ...this.problem(code, 400, domain.message, instance),
        ...(domain.fieldErrors.length
          ? { errors: domain.fieldErrors.map((e) => ({ ...e, code })) }
          : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = REASON_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'validation-failed');
      return this.problem(code, status, messageOf(code), instance);
    }
    return this.problem('internal', 500, messageOf('internal'), instance);
  }

  private logUnavailable(u: DbUnavailable, err: unknown): void {
    const pool = this.pool.stats();
    if (u.reason === 'pool-exhausted') {
      const ms = this.config.database.pool.acquireTimeoutMs;
      this.logger.warn(
        { pool, acquireTimeoutMs: ms },
        `database pool exhausted: no connection free within DB_ACQUIRE_TIMEOUT_MS=${ms} ms (${pool.inUse}/${pool.max} in use, ${pool.waiting} waiting); answered 503`,
      );
      return;
    }
    this.logger.warn(
      { err, pool, reason: u.reason },
      `database unavailable (${u.reason}); answered 503`,
    );
  }
}
