import type { DataSource } from 'typeorm';

/** Arbitrary constant: the advisory lock that lets one process at a time migrate. */
const MIGRATION_LOCK = 0x646f636b; // "dock"

/**
 * Applies pending migrations while holding a session advisory lock, so that several API and
 * worker processes starting together against one database migrate it once.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockRunner.release();
  }
}
