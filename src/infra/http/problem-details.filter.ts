import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { DomainError } from '../../shared/domain/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dbUnavailable, type DbUnavailable } from '../database/db-unavailable';
import { PoolMonitor } from '../database/pool-monitor';
import { AppError, type FieldError, httpStatusOf } from './domain-error';

const TITLES: Record<number, string> = {
  400: 'Bad Request · 请求有误',
  401: 'Unauthorized · 未登录',
  403: 'Forbidden · 无权操作',
  404: 'Not Found · 未找到',
  405: 'Method Not Allowed · 不支持的方法',
  409: 'Conflict · 状态冲突',
  413: 'Payload Too Large · 内容过大',
  415: 'Unsupported Media Type · 不支持的类型',
  422: 'Unprocessable Content · 无法处理',
  429: 'Too Many Requests · 请求过于频繁',
  500: 'Internal Server Error · 服务器错误',
  503: 'Service Unavailable · 服务不可用',
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  errors?: readonly FieldError[];
  [extra: string]: unknown;
}

/** Every error leaves the API as RFC 9457 problem details (application/problem+json). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: PinoLogger,
    private readonly pool: PoolMonitor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      res.status(503).type('application/problem+json').json(this.unavailableProblem(unavailable, instance));
      return;
    }
    const problem = this.toProblem(exception, instance);
    if (problem.status >= 500) this.logger.error({ err: exception }, 'unhandled error');
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  private logUnavailable(u: DbUnavailable, err: unknown): void {
    const pool = this.pool.stats();
    if (u.reason === 'pool-exhausted') {
      this.logger.warn(
        { pool, acquireTimeoutMs: this.config.database.pool.acquireTimeoutMs },
        `database pool exhausted: no connection free within DB_ACQUIRE_TIMEOUT_MS=${this.config.database.pool.acquireTimeoutMs} ms (${pool.inUse}/${pool.max} in use, ${pool.waiting} waiting); answered 503`,
      );
      return;
    }
    this.logger.warn({ err, pool, reason: u.reason }, `database unavailable (${u.reason}); answered 503`);
  }

  private unavailableProblem(u: DbUnavailable, instance: string): ProblemDetails {
    const detail: Record<typeof u.reason, string> = {
      'pool-exhausted': '服务繁忙，请稍后重试。 The service is busy (no database connection free); please retry shortly.',
      'lock-timeout': '该记录正被其他操作处理，请稍后重试。 The record is being changed by another operation; please retry shortly.',
      'idle-in-transaction-timeout': '操作超时，请重试。 The operation timed out; please retry.',
      'statement-timeout': '操作超时，请重试。 The operation timed out; please retry.',
      deadlock: '操作与其他操作冲突，请重试。 The operation collided with another one; please retry.',
      'database-down': '数据库暂时不可用，请稍后重试。 The database is unavailable; please retry later.',
    };
    return {
      type: `about:blank#${u.reason}`,
      title: TITLES[503],
      status: 503,
      detail: detail[u.reason],
      instance,
      code: 'unavailable',
      reason: u.reason,
      retryAfterSeconds: u.retryAfterSeconds,
    };
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof AppError) {
      const status = httpStatusOf(exception.code);
      return {
        ...exception.extra,
        type: `about:blank#${exception.code}`,
        title: TITLES[status] ?? 'Error',
        status,
        detail: exception.message,
        instance,
        code: exception.code,
        ...(exception.fieldErrors.length ? { errors: exception.fieldErrors } : {}),
      };
    }
    if (exception instanceof DomainError) {
      // Pure domain rules (calendar, deadlines, fees) reject input: 400 with the domain code.
      return {
        type: `about:blank#${exception.code}`,
        title: TITLES[400],
        status: 400,
        detail: exception.message,
        instance,
        code: String(exception.code),
        ...(exception.fieldErrors.length ? { errors: exception.fieldErrors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message: unknown = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = Array.isArray(message)
        ? message.map(String).join('; ')
        : typeof message === 'string'
          ? message
          : exception.message;
      return {
        type: 'about:blank',
        title: TITLES[status] ?? 'Error',
        status,
        detail,
        instance,
      };
    }
    return {
      type: 'about:blank',
      title: TITLES[HttpStatus.INTERNAL_SERVER_ERROR],
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'An unexpected error occurred. 服务器发生意外错误。',
      instance,
    };
  }
}
