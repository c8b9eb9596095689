import './register-paths';

import { randomBytes } from 'node:crypto';

import { createTemplateDatabase } from './test-database';

/** Once per `jest` run: a run id and a migrated template database that each test file copies. */
export default async function globalSetup(): Promise<void> {
  const run = randomBytes(4).toString('hex');
  process.env['DOCKET_TEST_RUN'] = run;
  await createTemplateDatabase(run);
}
