import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '@docket/config';
import type { RuntimeConfig } from '@docket/core';

import { TEST_REDIS } from './test-database';
import { testQueuePrefix } from './test-redis';

export type QueueBackendKind = 'redis' | 'postgres';

/** Every queue test runs on both backends. */
export const QUEUE_BACKENDS: QueueBackendKind[] = ['redis', 'postgres'];

export interface TestConfigOptions {
  databaseUrl: string;
  backend?: QueueBackendKind;
  env?: Record<string, string>;
}

/** Settings for a test: its own database, its own queue namespace, a quiet log. */
export function testConfig({ databaseUrl, backend = 'redis', env = {} }: TestConfigOptions): RuntimeConfig {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    ...(backend === 'redis' ? { REDIS_URL: TEST_REDIS } : {}),
    QUEUE_PREFIX: testQueuePrefix(),
    JWT_SECRET: 'test-secret-of-at-least-sixteen-characters',
    LOG_LEVEL: 'silent',
    // Two test files run at once, each with an API and workers: keep well inside Postgres's 100 connections.
    DB_POOL_SIZE: '4',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'docket-test-')),
    ...env,
  });
  return { ...config, databaseUrl, embedded: false };
}
