import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { QueueService } from '@docket/core';
import { QUEUE_BACKENDS, type QueueBackendKind, type RedisServer, startRedisServer } from '@docket/testing';
import IORedis from 'ioredis';

import { ReminderWorld, seconds } from './support/reminder-world';

const ONLY_DUE = {
  remindBefore: [],
  remindOnDue: true,
  overdueEvery: null,
  escalateAfter: null,
  channels: ['IN_APP', 'EMAIL'],
};
const root = resolve(__dirname, '..');

/** What each worker of these tests runs with: quick to notice a dead worker, quick to reconcile. */
const FAST_RECOVERY = { jobLockMs: 2000, reconcileIntervalMs: 500 };

async function dueEmails(world: ReminderWorld, identifiers: string[]) {
  const emails = await Promise.all(
    identifiers.map((identifier) =>
      world.smtp.waitFor((e) => e.to.includes(world.owner.email) && e.subject.startsWith(`[${identifier}] Due now`)),
    ),
  );
  return emails;
}

function countBySubject(world: ReminderWorld, identifier: string): number {
  return world.smtp.received.filter((e) => e.subject.startsWith(`[${identifier}] Due now`)).length;
}

describe.each(QUEUE_BACKENDS)('reminders survive failures on the %s queue backend', (backend: QueueBackendKind) => {
  let redis: RedisServer | undefined;
  let world: ReminderWorld;

  beforeAll(async () => {
    // A Redis of this test's own, so that FLUSHDB wipes nobody else's queues.
    redis = backend === 'redis' ? await startRedisServer() : undefined;
    world = await new ReminderWorld(backend, redis ? { REDIS_URL: redis.url } : {}).start();
    await world.setPolicy(ONLY_DUE);
  });
  afterAll(async () => {
    await world.stop();
    await redis?.stop();
  });
  afterEach(async () => {
    for (const worker of world.workers.splice(0)) await worker.close();
  });

  it('rebuilds reminders from Postgres after the queue store forgot everything', async () => {
    const worker = await world.startWorker(FAST_RECOVERY);
    const rec = await world.create('Survives a flush', seconds(3));
    const sentinel = await world.create('Flush sentinel', seconds(4));
    // Wipe only once both reminders are queued, so that only reconcile can bring them back.
    const queues = worker.get(QueueService);
    for (let tries = 0; (await queues.counts('reminders'))['delayed']! < 2; tries++) {
      if (tries > 100) throw new Error('the reminders were never queued');
      await new Promise((resolveWait) => setTimeout(resolveWait, 20));
    }
    if (redis) {
      const client = new IORedis(redis.url);
      await client.flushdb();
      client.disconnect();
    } else {
      await world.api.database.query(
        `TRUNCATE bullmq.job, bullmq.job_log, bullmq.job_dependency, bullmq.dedup, bullmq.dedup_next, bullmq.scheduler CASCADE`,
      );
    }
    await dueEmails(world, [rec.identifier, sentinel.identifier]);
    expect(countBySubject(world, rec.identifier)).toBe(1);
  });

  it('sends each occurrence once with two workers on the same queues', async () => {
    await world.startWorker(FAST_RECOVERY);
    await world.startWorker(FAST_RECOVERY);
    const dueAt = seconds(2);
    const recs = [];
    for (let i = 0; i < 10; i++) recs.push(await world.create(`Raced ${i}`, dueAt));
    const sentinel = await world.create('Raced sentinel', seconds(3));
    await dueEmails(
      world,
      [...recs, sentinel].map((r) => r.identifier),
    );
    for (const rec of recs) expect(countBySubject(world, rec.identifier)).toBe(1);
    const rows = await world.api.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'REMINDER_DUE' AND recommendation_id = ANY($1::uuid[])`,
      [recs.map((r) => r.id)],
    );
    expect(rows[0]?.n).toBe(10);
  });

  it('delays email while the mail server refuses it, and loses none', async () => {
    const worker = await world.startWorker(FAST_RECOVERY);
    world.smtp.refuse();
    const rec = await world.create('Mail server down', seconds(1));
    const subject = `[${rec.identifier}] Due now: Mail server down`;
    const failedDelivery = () =>
      world.api.database.query<{ status: string; attempts: number; last_error: string | null }>(
        `SELECT status, attempts, last_error FROM email_deliveries WHERE subject = $1`,
        [subject],
      );
    // Accept mail again once the reminder's own email has been refused at least once.
    await new Promise<void>((resolveRefused) => {
      const listener = (queue: string) => {
        if (queue !== 'deliveries') return;
        void failedDelivery().then(([row]) => {
          if (!row?.last_error) return;
          world.host(worker).events.off('failed', listener);
          resolveRefused();
        });
      };
      world.host(worker).events.on('failed', listener);
    });
    world.smtp.accept();
    await dueEmails(world, [rec.identifier]);
    expect(countBySubject(world, rec.identifier)).toBe(1);
    const [delivery] = await failedDelivery();
    expect(delivery).toMatchObject({ status: 'SENT' });
    expect(delivery!.attempts).toBeGreaterThanOrEqual(2);
  });

  it('loses nothing and duplicates nothing when a worker process is killed mid-batch', async () => {
    const child = spawnWorker(world);
    try {
      await once(child.stdout!, 'data'); // the worker logs once it runs
      // The mail server holds every message, so the kill lands with sends in flight and reminders part-done.
      world.smtp.delayMs = 60_000;
      const dueAt = seconds(3);
      const recs = [];
      for (let i = 0; i < 20; i++) recs.push(await world.create(`Batch ${i}`, dueAt));
      await once(world.smtp, 'receiving');
      child.kill('SIGKILL');
      await once(child, 'exit');
      world.smtp.delayMs = 0;
      await world.startWorker(FAST_RECOVERY);
      await dueEmails(
        world,
        recs.map((r) => r.identifier),
      );
      for (const rec of recs) expect(countBySubject(world, rec.identifier)).toBe(1);
      const rows = await world.api.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sent_reminders WHERE subject_id = ANY($1::uuid[])`,
        [recs.map((r) => r.id)],
      );
      expect(rows[0]?.n).toBe(20);
    } finally {
      world.smtp.delayMs = 0;
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);

  it('finishes the jobs in hand on SIGTERM and exits 0, losing and repeating nothing', async () => {
    const child = spawnWorker(world);
    try {
      await once(child.stdout!, 'data');
      world.smtp.delayMs = 1500; // sends are under way when the signal comes
      const dueAt = seconds(2);
      const recs = [];
      for (let i = 0; i < 5; i++) recs.push(await world.create(`Shutdown ${i}`, dueAt));
      await once(world.smtp, 'receiving');
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      // On Redis the send under way when the signal came is finished before the process leaves. BullMQ's
      // Postgres backend does not always wait for it under load; there the next worker sends it (still once).
      if (backend === 'redis') {
        expect(world.smtp.received.some((email) => email.subject.includes('Shutdown'))).toBe(true);
      }
      world.smtp.delayMs = 0;
      await world.startWorker(FAST_RECOVERY);
      await dueEmails(
        world,
        recs.map((r) => r.identifier),
      );
      for (const rec of recs) expect(countBySubject(world, rec.identifier)).toBe(1);
    } finally {
      world.smtp.delayMs = 0;
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});

/** The worker as its own process (compiled, as `npm run start:worker` runs it), on the test's database and queues. */
function spawnWorker(world: ReminderWorld): ChildProcess {
  const { config } = world.api;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: config.databaseUrl,
    QUEUE_PREFIX: config.queuePrefix,
    SMTP_URL: config.smtpUrl,
    JWT_SECRET: config.jwtSecret,
    LOG_LEVEL: 'info',
    WORKER_HEALTH_PORT: '0',
    JOB_LOCK_MS: String(FAST_RECOVERY.jobLockMs),
    RECONCILE_INTERVAL_MS: String(FAST_RECOVERY.reconcileIntervalMs),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'docket-worker-')),
  };
  if (config.redisUrl) env['REDIS_URL'] = config.redisUrl;
  else delete env['REDIS_URL'];
  return spawn(process.execPath, ['scripts/start.mjs', 'worker'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}
