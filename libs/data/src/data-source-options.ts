import type { DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export const MIGRATIONS_TABLE = 'migrations';

/** The one TypeORM configuration: entities and migrations, never `synchronize`. */
export function createDataSourceOptions(url: string, overrides: { poolSize?: number; applicationName?: string } = {}) {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'docket',
    extra: { connectionTimeoutMillis: 10_000 },
  } satisfies DataSourceOptions;
}
