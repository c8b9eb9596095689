import { createDataSourceOptions } from '@docket/data';
import { createTestDatabase, type TestDatabase } from '@docket/testing';
import { DataSource } from 'typeorm';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(createDataSourceOptions(database.url, { poolSize: 2 })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('leave nothing for migration:generate to add: entities and committed migrations agree', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('are all applied in the template every test database copies', async () => {
    const applied = await dataSource.query(`SELECT name FROM migrations ORDER BY id`);
    expect(applied.map((row: { name: string }) => row.name)).toEqual(dataSource.migrations.map((m) => m.name));
  });
});
