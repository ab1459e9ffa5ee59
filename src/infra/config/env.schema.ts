import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(1).max(65535);

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    );

/**
 * Every environment variable the service reads. `.env.example` documents each one;
 * `test/unit/infra/env-example.spec.ts` keeps the two in step.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    ROLE: z.enum(['api', 'worker', 'all']).default('all'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port.default(3000),
    PUBLIC_URL: url(['http', 'https']).optional(),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'must be a size like 256kb or 1mb')
      .default('256kb'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: url(['postgres', 'postgresql']).optional(),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    DB_IDLE_IN_TX_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(15_000),
    DB_TX_GUARD: z.enum(['throw', 'log', 'off']).optional(),
    EMBEDDED_PG_PORT: port.default(54329),
    REDIS_URL: url(['redis', 'rediss']).optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
      .default('govinfo'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
    WORKER_LOCK_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
    REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    UPKEEP_INTERVAL_MS: z.coerce
      .number()
      .int()
      .refine((v) => v === 0 || (v >= 200 && v <= 600_000), 'must be 0 (off) or 200..600000')
      .default(10_000),
    FULL_VERIFY_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    MAIL_TRANSPORT: z.enum(['smtp', 'log', 'memory']).default('log'),
    SMTP_URL: url(['smtp', 'smtps']).optional(),
    MAIL_FROM: z.string().min(3).default('govinfo <no-reply@govinfo.local>'),
    SMTP_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(60_000),
    MAIL_RETRY_HORIZON_HOURS: z.coerce
      .number()
      .min(0.01)
      .max(24 * 30)
      .default(72),
    MAIL_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
    MAIL_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(100).max(86_400_000).default(1_800_000),
    MAIL_SENT_UPDATE_RETRY_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
    OPS_ALERT_EMAIL: z.email().optional(),
    CLOCK: z.enum(['system', 'fixed']).default('system'),
    CLOCK_FIXED_AT: z.iso.datetime({ offset: true }).optional(),
    STORAGE_DIR: z.string().min(1).optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    BULL_BOARD_ENABLED: bool.default(true),
    PII_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => Buffer.from(v, 'base64').length === 32,
        'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
      )
      .optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(31_536_000).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    REMINDER_WORKING_DAYS: z
      .string()
      .regex(/^\d{1,2}(,\d{1,2})*$/, 'must be a comma-separated list of working days, e.g. 5,2')
      .default('5,2'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
    CALENDAR_APPLY_LOCAL_OVERRIDES: bool.default(false),
    CORRECTION_PERIOD_MIN_WD: z.coerce.number().int().min(1).max(60).default(5),
    CORRECTION_PERIOD_MAX_WD: z.coerce.number().int().min(1).max(120).default(30),
    DEFERRAL_MAX_MONTHS: z.coerce.number().int().min(1).max(24).default(12),
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message: 'is required when MAIL_TRANSPORT=smtp',
      });
    }
    if (env.NODE_ENV === 'production' && !env.PII_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['PII_ENCRYPTION_KEY'],
        message: 'is required in production',
      });
    }
    if (env.CORRECTION_PERIOD_MIN_WD > env.CORRECTION_PERIOD_MAX_WD) {
      ctx.addIssue({
        code: 'custom',
        path: ['CORRECTION_PERIOD_MIN_WD'],
        message: 'must not exceed CORRECTION_PERIOD_MAX_WD',
      });
    }
    if (env.CLOCK === 'fixed' && !env.CLOCK_FIXED_AT) {
      ctx.addIssue({
        code: 'custom',
        path: ['CLOCK_FIXED_AT'],
        message: 'is required when CLOCK=fixed',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;
