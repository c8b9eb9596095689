import { type DocketConfig, loadConfig } from '@docket/config';

import type { RuntimeConfig } from './config/config.module';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';

let embedded: Promise<EmbeddedPostgres> | undefined;

/**
 * Settings with the database resolved: without DATABASE_URL this process starts (once) and owns
 * the embedded PGlite database, which API and worker modules in the same process then share.
 */
export async function resolveRuntimeConfig(config: DocketConfig = loadConfig()): Promise<RuntimeConfig> {
  if (config.databaseUrl) return { ...config, databaseUrl: config.databaseUrl, embedded: false };
  embedded ??= startEmbeddedPostgres(config.dataDir);
  const { url } = await embedded;
  return { ...config, databaseUrl: url, embedded: true };
}

export async function stopEmbeddedDatabase(): Promise<void> {
  if (!embedded) return;
  const db = await embedded;
  embedded = undefined;
  await db.stop();
}
