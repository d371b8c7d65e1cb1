import { z } from 'zod';
import { divisionCodePattern } from '../../contracts/values.js';

/** The development default; production mode refuses to start with it. */
export const DEVELOPMENT_SECRET_KEY = 'farun-development-secret-key-do-not-use-in-production';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((value) => value === '1' || value === 'true');

const environmentSchema = z
  .object({
    FARUN_ENV: z.enum(['development', 'production']).default('development'),
    FARUN_HOST: z.string().min(1).default('127.0.0.1'),
    FARUN_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    FARUN_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    FARUN_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    FARUN_SECRET_KEY: z.string().optional(),
    FARUN_DEMO: booleanFlag.default(true),
    FARUN_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    FARUN_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
    FARUN_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
    FARUN_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    FARUN_MAP_TILE_URL: z.string().default(''),
    FARUN_STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
    FARUN_CITIZEN_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
    FARUN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(8),
    FARUN_PASSWORD_COMPLEXITY: booleanFlag.default(false),
    FARUN_PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(365).default(0),
    FARUN_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    FARUN_CODE_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(3),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    FARUN_SMS_URL: z.url().optional(),
    FARUN_SMS_TOKEN: z.string().optional(),
    FARUN_NOTIFY_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
    FARUN_WECOM_ENABLED: booleanFlag.default(false),
    FARUN_WECOM_ORIGINS: z
      .string()
      .default('https://qyapi.weixin.qq.com')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      ),
    FARUN_HOME_DIVISION: z
      .string()
      .regex(divisionCodePattern, 'must be a division code of 2, 4, 6, 9 or 12 digits')
      .default('320412'),
  })
  .superRefine((env, ctx) => {
    if (env.FARUN_ENV !== 'production') return;
    if (!env.FARUN_SECRET_KEY || env.FARUN_SECRET_KEY === DEVELOPMENT_SECRET_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['FARUN_SECRET_KEY'],
        message: 'must be set to your own secret in production (at least 32 characters)',
      });
    } else if (env.FARUN_SECRET_KEY.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['FARUN_SECRET_KEY'],
        message: 'must be at least 32 characters',
      });
    }
  });

export interface Config {
  env: 'development' | 'production';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  secretKey: string;
  demo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimit: number;
  requestTimeoutMs: number;
  shutdownGraceMs: number;
  mapTileUrl: string;
  homeDivisionCode: string;
  staffIdleMinutes: number;
  citizenIdleMinutes: number;
  sessionMaxHours: number;
  requirePasswordComplexity: boolean;
  passwordMaxAgeDays: number;
  loginRatePerMinute: number;
  codeRatePerMinute: number;
  redisUrl: string | undefined;
  smsUrl: string | undefined;
  smsToken: string | undefined;
  notifyIntervalMs: number;
  wecomEnabled: boolean;
  wecomOrigins: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once at start; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blanksRemoved = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const value = parsed.data;
  return {
    env: value.FARUN_ENV,
    host: value.FARUN_HOST,
    port: value.FARUN_PORT,
    dataDir: value.FARUN_DATA_DIR,
    databaseUrl: value.DATABASE_URL,
    dbPoolSize: value.FARUN_DB_POOL_SIZE,
    secretKey: value.FARUN_SECRET_KEY ?? DEVELOPMENT_SECRET_KEY,
    demo: value.FARUN_DEMO,
    logLevel: value.FARUN_LOG_LEVEL,
    bodyLimit: value.FARUN_BODY_LIMIT,
    requestTimeoutMs: value.FARUN_REQUEST_TIMEOUT_MS,
    shutdownGraceMs: value.FARUN_SHUTDOWN_GRACE_MS,
    mapTileUrl: value.FARUN_MAP_TILE_URL,
    homeDivisionCode: value.FARUN_HOME_DIVISION,
    staffIdleMinutes: value.FARUN_STAFF_IDLE_MINUTES,
    citizenIdleMinutes: value.FARUN_CITIZEN_IDLE_MINUTES,
    sessionMaxHours: value.FARUN_SESSION_MAX_HOURS,
    requirePasswordComplexity: value.FARUN_PASSWORD_COMPLEXITY,
    passwordMaxAgeDays: value.FARUN_PASSWORD_MAX_AGE_DAYS,
    loginRatePerMinute: value.FARUN_LOGIN_RATE_PER_MINUTE,
    codeRatePerMinute: value.FARUN_CODE_RATE_PER_MINUTE,
    redisUrl: value.REDIS_URL,
    smsUrl: value.FARUN_SMS_URL,
    smsToken: value.FARUN_SMS_TOKEN,
    notifyIntervalMs: value.FARUN_NOTIFY_INTERVAL_MS,
    wecomEnabled: value.FARUN_WECOM_ENABLED,
    wecomOrigins: value.FARUN_WECOM_ORIGINS,
  };
}
