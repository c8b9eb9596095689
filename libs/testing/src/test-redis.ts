import { randomBytes } from 'node:crypto';

import IORedis from 'ioredis';

import { runId, TEST_REDIS } from './test-database';

/** A BullMQ key prefix of this run's own, so runs (and test files) never share Redis keys. */
export function testQueuePrefix(): string {
  return `docket_test_${runId()}_${randomBytes(3).toString('hex')}`;
}

export async function deleteRunRedisKeys(run: string): Promise<void> {
  const redis = new IORedis(TEST_REDIS, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `docket_test_${run}_*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
