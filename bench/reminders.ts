// `npm run bench -- reminders [count] [redis|postgres]`: 10,000 reminders due in the same second, delivered in-app by one
// worker, on each queue backend; throughput as a ratio to a raw BullMQ no-op worker on the same store in
// the same run, and lateness (delivered − due) p50/p99. Makes its own databases on the local Postgres
// and its own Redis key prefix, and removes them afterwards. Numbers go to stdout only.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { createQueueBackend, QueueWorkerHost, type RuntimeConfig } from '@docket/core';
import { createDataSourceOptions, runMigrationsLocked } from '@docket/data';
import { databaseUrl, deleteRunRedisKeys, type QueueBackendKind, TEST_POSTGRES, testConfig } from '@docket/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { bootstrapWorker } from '../apps/worker/src/main';

/** Far enough ahead for the worker to have every job queued before they fall due. */
const LEAD_MS = 25_000;

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function summarize(dueAt: number, finished: number[]): Result {
  const lateness = finished.map((at) => at - dueAt).sort((a, b) => a - b);
  const spanS = (Math.max(...finished) - Math.min(...finished)) / 1000 || 0.001;
  return { perSecond: finished.length / spanS, p50: percentile(lateness, 50), p99: percentile(lateness, 99) };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(name: string): Promise<string> {
  await withClient(TEST_POSTGRES, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const migrator = await new DataSource(createDataSourceOptions(url, { poolSize: 2 })).initialize();
  await runMigrationsLocked(migrator);
  await migrator.destroy();
  return url;
}

/** The baseline: the same number of delayed jobs, due at once, on a worker that does nothing. */
async function rawBullmq(config: RuntimeConfig, count: number): Promise<Result> {
  const backend = await createQueueBackend(config);
  const queue = backend.createQueue('bench-raw');
  const dueAt = Date.now() + LEAD_MS;
  const finished: number[] = [];
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const worker = backend.createWorker(
    'bench-raw',
    async () => {
      finished.push(Date.now());
      if (finished.length === count) done();
    },
    { concurrency: 8 },
  );
  await worker.waitUntilReady();
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, (_, j) =>
        queue.add('noop', { i: i + j }, { jobId: `raw-${i + j}`, delay: dueAt - Date.now() }),
      ),
    );
  }
  await all;
  await backend.close();
  return summarize(dueAt, finished);
}

/** Docket: recommendations due at one instant, the real worker sending one in-app reminder for each. */
async function docket(config: RuntimeConfig, url: string, count: number): Promise<Result> {
  const dueAt = new Date(Date.now() + LEAD_MS);
  await withClient(url, async (db) => {
    const {
      rows: [user],
    } = await db.query<{ id: string }>(
      `INSERT INTO users (email, name) VALUES ('bench@example.com', 'Bench') RETURNING id`,
    );
    const {
      rows: [team],
    } = await db.query<{ id: string }>(
      `INSERT INTO teams (key, name, workflow, reminder_policy)
       VALUES ('BEN', 'Bench', $1, '{"remindBefore":[],"remindOnDue":true,"overdueEvery":null,"escalateAfter":null,"channels":["IN_APP"]}')
       RETURNING id`,
      [JSON.stringify((await import('@docket/domain')).DEFAULT_WORKFLOW)],
    );
    await db.query(`INSERT INTO memberships (team_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [team!.id, user!.id]);
    await db.query(
      `INSERT INTO recommendations (team_id, number, title, owner_id, due_at, state_key, reminder_cursor)
       SELECT $1, n, 'Reminder ' || n, $2, $3, 'PROPOSED', now() FROM generate_series(1, $4::int) AS n`,
      [team!.id, user!.id, dueAt, count],
    );
  });
  const started = performance.now();
  const worker = await bootstrapWorker(config);
  console.log(`  worker up and ${count} jobs queued in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  let completed = 0;
  worker.get(QueueWorkerHost).events.on('completed', (queue: string) => {
    if (queue === 'reminders' && ++completed === count) done();
  });
  await all;
  const rows = await withClient(url, (db) =>
    db.query<{ at: Date }>(`SELECT created_at AS at FROM notifications WHERE kind = 'REMINDER_DUE'`),
  );
  await worker.close();
  if (rows.rows.length !== count) throw new Error(`expected ${count} notifications, found ${rows.rows.length}`);
  return summarize(
    dueAt.getTime(),
    rows.rows.map((row) => row.at.getTime()),
  );
}

export async function main(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 10_000);
  const run = `bench${randomBytes(3).toString('hex')}`;
  process.env['DOCKET_TEST_RUN'] = run;
  const backends: QueueBackendKind[] = args[1] ? [args[1] as QueueBackendKind] : ['redis', 'postgres'];
  const fmt = (n: number) => n.toFixed(0).padStart(8);
  console.log(`${count} reminders due in the same second, one worker (concurrency 8)\n`);
  console.log(
    `${'backend'.padEnd(10)} ${'raw/s'.padStart(8)} ${'docket/s'.padStart(8)} ${'ratio'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  );
  try {
    for (const backend of backends) {
      const rawUrl = await freshDatabase(`docket_${run}_raw_${backend}`);
      const raw = await rawBullmq({ ...testConfig({ databaseUrl: rawUrl, backend }), jobLockMs: 30_000 }, count);
      const url = await freshDatabase(`docket_${run}_${backend}`);
      const ours = await docket({ ...testConfig({ databaseUrl: url, backend }) }, url, count);
      console.log(
        `${backend.padEnd(10)} ${fmt(raw.perSecond)} ${fmt(ours.perSecond)} ${(ours.perSecond / raw.perSecond).toFixed(2).padStart(6)} ${fmt(ours.p50)} ${fmt(ours.p99)}`,
      );
      console.log(`${'  raw'.padEnd(10)} lateness p50 ${raw.p50.toFixed(0)} ms, p99 ${raw.p99.toFixed(0)} ms`);
    }
  } finally {
    await withClient(TEST_POSTGRES, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`docket_${run}_%`],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
    await deleteRunRedisKeys(run);
  }
}
