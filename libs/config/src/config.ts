import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Every setting Docket reads, validated once at boot. The README's settings table mirrors this. */
export interface DocketConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Undefined: the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  /** Undefined: BullMQ and pub/sub on Postgres. */
  redisUrl: string | undefined;
  /** Namespaces BullMQ's keys on Redis and the live-update channels; tests give each run its own. */
  queuePrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  jwtSecret: string;
  webhookAllowPrivateNetworks: boolean;
  /** First retry delay of a failed webhook delivery; later ones double (tests make it short). */
  webhookRetryBaseMs: number;
  /** true: load the demo into an empty database; false: never; undefined: only when embedded. */
  demo: boolean | undefined;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  dataDir: string;
  publicUrl: string;
  graphqlIntrospection: boolean;
  /** Origins allowed to call the API from a browser; `true`: any (development only by default). */
  corsOrigins: string[] | boolean;
  /** Port of the worker's own /health when it runs alone. */
  workerHealthPort: number;
  /** How often each worker rebuilds lost jobs from Postgres (the contract: within a minute). */
  reconcileIntervalMs: number;
  /** Connections each process's TypeORM pool may open. */
  dbPoolSize: number;
  /** How long a worker holds a job (and an email it is sending) before others take it for dead. */
  jobLockMs: number;
  /** Basic credentials that open the queue dashboard (/admin/queues); undefined: only a team ADMIN's token does. */
  adminCredentials: { user: string; password: string } | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

function readBoolean(env: Env, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

function readUrl(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `not a URL: "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `expected ${protocols.join(' or ')} URL, got ${url.protocol}`);
  }
  return raw;
}

function readPositiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(name, `expected a positive whole number, got "${raw}"`);
  return value;
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(name, `expected a port number, got "${raw}"`);
  }
  return port;
}

/** CORS_ORIGINS: comma-separated origins, or `*`. Unset: any origin outside production, none in production. */
function readOrigins(env: Env, nodeEnv: DocketConfig['nodeEnv']): string[] | boolean {
  const raw = env['CORS_ORIGINS']?.trim();
  if (!raw) return nodeEnv !== 'production';
  if (raw === '*') return true;
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError('CORS_ORIGINS', `not an origin: "${origin}"`);
    }
    if (url.origin !== origin)
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin (expected ${url.origin})`);
  }
  return origins;
}

/** Outside production an unset JWT_SECRET is generated once and kept in the data dir, so sessions survive restarts. */
function resolveJwtSecret(env: Env, nodeEnv: DocketConfig['nodeEnv'], dataDir: string): string {
  const given = env['JWT_SECRET']?.trim();
  if (given) {
    if (given.length < 16) throw new ConfigError('JWT_SECRET', 'must be at least 16 characters');
    return given;
  }
  if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** ADMIN_USER and ADMIN_PASSWORD come as a pair; the password is at least 12 characters, since it guards every queue. */
function readAdminCredentials(env: Env): DocketConfig['adminCredentials'] {
  const user = env['ADMIN_USER']?.trim();
  const password = env['ADMIN_PASSWORD']?.trim();
  if (!user && !password) return undefined;
  if (!password) throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_USER is set');
  if (!user) throw new ConfigError('ADMIN_USER', 'is required when ADMIN_PASSWORD is set');
  // HTTP Basic splits user from password at the first colon (RFC 7617).
  if (user.includes(':')) throw new ConfigError('ADMIN_USER', 'must not contain ":"');
  if (password.length < 12) throw new ConfigError('ADMIN_PASSWORD', 'must be at least 12 characters');
  return { user, password };
}

export function loadConfig(env: Env = process.env): DocketConfig {
  const rawNodeEnv = env['NODE_ENV']?.trim() || 'development';
  if (!['development', 'production', 'test'].includes(rawNodeEnv)) {
    throw new ConfigError('NODE_ENV', `expected development, production or test, got "${rawNodeEnv}"`);
  }
  const nodeEnv = rawNodeEnv as DocketConfig['nodeEnv'];
  const logLevel = (env['LOG_LEVEL']?.trim() || 'info') as DocketConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const queuePrefix = env['QUEUE_PREFIX']?.trim() || 'docket';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(queuePrefix)) {
    throw new ConfigError('QUEUE_PREFIX', 'lower-case letters, digits and underscores, up to 41 characters');
  }
  const dataDir = resolve(env['DATA_DIR']?.trim() || '.data');
  const port = readPort(env, 'PORT', 3000);
  return {
    nodeEnv,
    port,
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix,
    smtpUrl: readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env['MAIL_FROM']?.trim() || 'Docket <docket@localhost>',
    jwtSecret: resolveJwtSecret(env, nodeEnv, dataDir),
    webhookAllowPrivateNetworks: readBoolean(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS') ?? false,
    webhookRetryBaseMs: readPositiveInt(env, 'WEBHOOK_RETRY_BASE_MS', 5000),
    demo: readBoolean(env, 'DOCKET_DEMO'),
    logLevel,
    dataDir,
    publicUrl: (readUrl(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/$/, ''),
    graphqlIntrospection: readBoolean(env, 'GRAPHQL_INTROSPECTION') ?? nodeEnv !== 'production',
    corsOrigins: readOrigins(env, nodeEnv),
    workerHealthPort: readPort(env, 'WORKER_HEALTH_PORT', 3001),
    reconcileIntervalMs: readPositiveInt(env, 'RECONCILE_INTERVAL_MS', 30_000),
    jobLockMs: readPositiveInt(env, 'JOB_LOCK_MS', 30_000),
    dbPoolSize: readPositiveInt(env, 'DB_POOL_SIZE', 10),
    adminCredentials: readAdminCredentials(env),
  };
}
