import { QueueService, QueueWorkerHost } from '@docket/core';
import { createTestDatabase, QUEUE_BACKENDS, testConfig, type TestDatabase } from '@docket/testing';
import type { INestApplicationContext } from '@nestjs/common';

import { bootstrapWorker } from '../apps/worker/src/main';

/** Resolves with the job once a worker of this process completes it (the hourly schedule may complete others first). */
function completion(host: QueueWorkerHost, jobId: string): Promise<{ id: string; returnvalue: unknown }> {
  return new Promise((resolve) => {
    const listener = (_queue: string, job: { id: string; returnvalue: unknown }) => {
      if (job.id !== jobId) return;
      host.events.off('completed', listener);
      resolve(job);
    };
    host.events.on('completed', listener);
  });
}

describe.each(QUEUE_BACKENDS)('the worker on the %s queue backend', (backend) => {
  let database: TestDatabase;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = await bootstrapWorker(testConfig({ databaseUrl: database.url, backend }));
  });
  afterAll(async () => {
    await worker.close();
    await database.drop();
  });

  it('runs a maintenance job once for a fixed job id added twice, doing its work in Postgres', async () => {
    const [{ id: userId }] = await database.query<{ id: string }>(
      `INSERT INTO users (email, name) VALUES ('purge@example.com', 'P') RETURNING id`,
    );
    await database.query(
      `INSERT INTO api_tokens (user_id, name, token_hash, revoked_at) VALUES
         ($1, 'old', repeat('a', 64), now() - interval '40 days'),
         ($1, 'recent', repeat('b', 64), now() - interval '1 day'),
         ($1, 'live', repeat('c', 64), NULL)`,
      [userId],
    );
    const host = worker.get(QueueWorkerHost);
    const queues = worker.get(QueueService);
    const jobId = `purge-test-${backend}`;
    const completed = completion(host, jobId);
    let runs = 0;
    host.events.on('completed', (_queue: string, done: { id: string }) => {
      if (done.id === jobId) runs++;
    });
    const [first, second] = await Promise.all([
      queues.add('maintenance', 'purge-revoked-tokens', {}, { jobId }),
      queues.add('maintenance', 'purge-revoked-tokens', {}, { jobId }),
    ]);
    expect(second.id).toBe(first.id);
    const job = await completed;
    expect(job.returnvalue).toEqual({ purged: expect.any(Number) });
    // A duplicate would have been queued with the first: by the time a later job is done, it would have run too.
    const sentinel = completion(host, `${jobId}-sentinel`);
    await queues.add('maintenance', 'purge-revoked-tokens', {}, { jobId: `${jobId}-sentinel` });
    await sentinel;
    expect(runs).toBe(1);

    const left = await database.query<{ name: string }>(`SELECT name FROM api_tokens ORDER BY name`);
    expect(left.map((row) => row.name)).toEqual(['live', 'recent']);
    const counts = await queues.counts('maintenance');
    expect(counts['completed']).toBeGreaterThanOrEqual(1);
    expect(counts['active'] + counts['waiting']).toBe(0);
  });
});
