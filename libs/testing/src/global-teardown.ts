import './register-paths';

import { dropRunDatabases } from './test-database';
import { deleteRunRedisKeys } from './test-redis';

export default async function globalTeardown(): Promise<void> {
  const run = process.env['DOCKET_TEST_RUN'];
  if (!run) return;
  await Promise.all([dropRunDatabases(run), deleteRunRedisKeys(run)]);
}
