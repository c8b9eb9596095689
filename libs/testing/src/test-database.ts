import { randomBytes } from 'node:crypto';

import { createDataSourceOptions, runMigrationsLocked } from '@docket/data';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** The local server every test run uses; each run makes (and drops) its own databases on it. */
export const TEST_POSTGRES = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function runId(): string {
  const id = process.env['DOCKET_TEST_RUN'];
  if (!id) throw new Error('DOCKET_TEST_RUN is unset: run integration tests through jest (globalSetup)');
  return id;
}

export const templateName = (run: string) => `docket_test_${run}_template`;

/** Creates the run's template database with every migration applied (once per run). */
export async function createTemplateDatabase(run: string): Promise<void> {
  const name = templateName(run);
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const dataSource = new DataSource(createDataSourceOptions(databaseUrl(name), { poolSize: 2 }));
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Reads the database directly, to check what a request wrote (or did not). */
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function queryDatabase<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const run = runId();
  const name = `docket_test_${run}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(run)}"`));
  const url = databaseUrl(name);
  // TypeORM files generated-column expressions under the database's name; the copy has a new one.
  await queryDatabase(url, `UPDATE typeorm_metadata SET database = current_database()`);
  return {
    name,
    url,
    query: (sql, params) => queryDatabase(url, sql, params),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Drops every database of a run (the template included). */
export async function dropRunDatabases(run: string): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `docket_test_${run}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
