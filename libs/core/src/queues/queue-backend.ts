import {
  createPostgresBackend,
  type Job,
  type JobsOptions,
  Queue,
  type QueueOptions,
  runMigrations,
  withBackend,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import IORedis from 'ioredis';
import { Pool } from 'pg';

import type { RuntimeConfig } from '../config/config.module';

/** The few operations Docket needs of a queue, whichever store backs it. */
export interface BackedQueue {
  add(name: string, data: unknown, opts?: JobsOptions): Promise<Job>;
  upsertJobScheduler(
    id: string,
    repeat: { every: number },
    template: { name: string; data: unknown },
  ): Promise<unknown>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  getJobs(types: string[], start: number, end: number, asc: boolean): Promise<Job[]>;
  close(): Promise<void>;
}

export interface BackedWorker {
  close(force?: boolean): Promise<void>;
  on(event: 'failed', listener: (job: Job | undefined, error: Error) => void): unknown;
  on(event: 'completed', listener: (job: Job) => void): unknown;
  waitUntilReady(): Promise<unknown>;
}

export type JobHandler = (job: Job) => Promise<unknown>;

export interface QueueBackend {
  readonly kind: 'redis' | 'postgres';
  createQueue(name: string): BackedQueue;
  createWorker(name: string, handler: JobHandler, options?: { concurrency?: number }): BackedWorker;
  /** Prepares the store (BullMQ's Postgres schema); called once before any queue is used. */
  init(): Promise<void>;
  /** Resolves when the store answers (Redis PING); the Postgres backend is checked with the database. */
  ping(): Promise<void>;
  /** Settings of the store that put jobs at risk (Redis evicting keys), for the worker to warn about at start. */
  riskySettings(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The one place that knows where the queues live: Redis when REDIS_URL is set, otherwise
 * BullMQ's own Postgres backend in the app's database (schema `bullmq`).
 */
export async function createQueueBackend(config: RuntimeConfig): Promise<QueueBackend> {
  const backend = createBackend(config);
  await backend.init();
  return backend;
}

function createBackend(config: RuntimeConfig): QueueBackend {
  return config.redisUrl
    ? redisBackend(config.redisUrl, config.queuePrefix, config.jobLockMs)
    : postgresBackend(config);
}

function redisBackend(url: string, prefix: string, lockMs: number): QueueBackend {
  // One shared connection for producers; BullMQ duplicates it for each worker's blocking reads.
  const connection = new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  const closeables: Array<{ close(): Promise<void> }> = [];
  return {
    kind: 'redis',
    createQueue(name) {
      const queue = new Queue(name, { connection, prefix } satisfies QueueOptions);
      closeables.push(queue);
      return queue as unknown as BackedQueue;
    },
    createWorker(name, handler, options) {
      const worker = new Worker(name, handler, {
        connection,
        prefix,
        concurrency: options?.concurrency ?? 4,
        lockDuration: lockMs,
        stalledInterval: lockMs,
      } satisfies WorkerOptions);
      closeables.push(worker);
      return worker;
    },
    async init() {},
    async ping() {
      await connection.ping();
    },
    async riskySettings() {
      const [, policy] = (await connection.config('GET', 'maxmemory-policy')) as [string, string];
      return policy === 'noeviction'
        ? []
        : [
            `Redis maxmemory-policy is ${policy}: under memory pressure Redis may evict queued jobs; set it to noeviction`,
          ];
    },
    async close() {
      await Promise.all(closeables.map((c) => c.close()));
      // quit() waits for a server that may never have answered; disconnect() does not.
      if (connection.status === 'ready') await connection.quit().catch(() => undefined);
      else connection.disconnect();
    },
  };
}

/** Every queue and worker of a process shares this many connections; each worker holds one for LISTEN. */
const POSTGRES_POOL_SIZE = 16;

function postgresBackend(config: RuntimeConfig): QueueBackend {
  const classes = withBackend(createPostgresBackend);
  // One pool per process, not one per queue and worker: five queues would otherwise open dozens.
  const connection = new Pool({
    connectionString: config.databaseUrl,
    max: POSTGRES_POOL_SIZE,
    options: '-c search_path=bullmq',
    application_name: 'docket-queues',
  });
  const closeables: Array<{ close(): Promise<void> }> = [];
  return {
    kind: 'postgres',
    async init() {
      await runMigrations(connection, 'bullmq');
    },
    createQueue(name) {
      const queue = new classes.Queue(name, { connection });
      closeables.push(queue);
      return queue as unknown as BackedQueue;
    },
    createWorker(name, handler, options) {
      const worker = new classes.Worker(name, handler, {
        connection,
        concurrency: options?.concurrency ?? 4,
        lockDuration: config.jobLockMs,
        stalledInterval: config.jobLockMs,
        // PGlite's socket does not carry LISTEN/NOTIFY between connections: poll for new jobs often.
        drainDelay: config.embedded ? 1 : 5,
      });
      closeables.push(worker);
      return worker as unknown as BackedWorker;
    },
    async ping() {},
    async riskySettings() {
      return [];
    },
    async close() {
      await Promise.all(closeables.map((c) => c.close()));
      await connection.end();
    },
  };
}
