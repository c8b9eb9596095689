// `npm run bench -- recommendations-list`: the `recommendations` list through the GraphQL HTTP API on 10,000
// recommendations, against a baseline measured in the same run (the plainest indexed page straight through pg).
// Makes its own database on the local Postgres (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432)
// and drops it afterwards. Numbers go to stdout only.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import { createDataSourceOptions, runMigrationsLocked } from '@docket/data';
import { encodeRecommendationCursor } from '@docket/domain';
import { databaseUrl, GraphqlClient, TEST_POSTGRES, testConfig } from '@docket/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { createApiApp } from '../apps/api/src/main';

const RECOMMENDATIONS = 10_000;
const RUNS = 50;
const WARMUP = 5;
const FIELDS = `totalCount pageInfo { hasNextPage endCursor } nodes { id identifier title state { key } owner { name } }`;
const LIST = `query($filter: RecommendationFilter, $orderBy: RecommendationOrder, $first: Int, $after: String) {
  recommendations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { ${FIELDS} } }`;

interface Timing {
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function main(): Promise<void> {
  const run = `bench${randomBytes(3).toString('hex')}`;
  // testConfig names its queue namespace after the run; the queues live in this database (Postgres backend).
  process.env['DOCKET_TEST_RUN'] = run;
  const name = `docket_${run}`;
  const url = databaseUrl(name);
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const db = new Client({ connectionString: url });
  let app: Awaited<ReturnType<typeof createApiApp>> | undefined;
  try {
    const migrator = await new DataSource(createDataSourceOptions(url, { poolSize: 2 })).initialize();
    await runMigrationsLocked(migrator);
    await migrator.destroy();

    app = await createApiApp(testConfig({ databaseUrl: url, backend: 'postgres' }));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const anonymous = new GraphqlClient(`http://127.0.0.1:${port}`);
    const { register } = await anonymous.data<{ register: { token: string; user: { id: string } } }>(
      `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
      { input: { email: 'bench@example.com', name: 'Bench', password: 'correct horse battery' } },
    );
    const client = anonymous.as(register.token);
    await client.data(`mutation { createTeam(input: { key: "BEN", name: "Bench" }) { key } }`);

    await db.connect();
    const {
      rows: [team],
    } = await db.query<{ id: string }>(`SELECT id FROM teams WHERE key = 'BEN'`);
    const seeded = performance.now();
    // Spread like a real backlog: every state and priority, a third without a deadline, some words to search.
    await db.query(
      `INSERT INTO recommendations (team_id, number, title, description, priority, labels, owner_id, due_at, state_key,
                                    created_at, updated_at)
       SELECT $1, n,
              (ARRAY['Scale up energy trade','Deepen supply chains','Expand visa programs','Joint shipbuilding',
                     'Critical minerals'])[1 + n % 5] || ' ' || n,
              (ARRAY['LNG exports and nuclear cooperation','semiconductors and batteries','students and workers',
                     'naval shipyards','processing and recycling'])[1 + n % 7 % 5],
              (ARRAY['NONE','LOW','MEDIUM','HIGH','URGENT'])[1 + n % 5],
              ARRAY[(ARRAY['trade','energy','people','defense','digital'])[1 + n % 5]],
              CASE WHEN n % 4 = 0 THEN NULL ELSE $2::uuid END,
              CASE WHEN n % 3 = 0 THEN NULL ELSE now() + ((n % 200) - 100) * interval '1 day' END,
              (ARRAY['PROPOSED','ACCEPTED','IN_PROGRESS','BLOCKED','IMPLEMENTED','DEFERRED','REJECTED'])[1 + n % 7],
              now() - (${RECOMMENDATIONS} - n) * interval '1 minute', now() - (n % 500) * interval '1 minute'
         FROM generate_series(1, ${RECOMMENDATIONS}) AS n`,
      [team!.id, register.user.id],
    );
    await db.query(`UPDATE teams SET next_recommendation_number = $2 WHERE id = $1`, [team!.id, RECOMMENDATIONS + 1]);
    await db.query('ANALYZE recommendations');
    console.log(
      `seeded ${RECOMMENDATIONS} recommendations in ${((performance.now() - seeded) / 1000).toFixed(1)} s; ${RUNS} runs each after ${WARMUP} warm-ups\n`,
    );

    const {
      rows: [deep],
    } = await db.query<{ id: string; number: number }>(
      `SELECT id, number FROM recommendations WHERE team_id = $1 AND number = $2`,
      [team!.id, RECOMMENDATIONS - 500],
    );
    const deepCursor = encodeRecommendationCursor(
      { field: 'NUMBER', direction: 'ASC' },
      { value: deep!.number, id: deep!.id },
    );

    const baseline = await time(() =>
      db.query(`SELECT id FROM recommendations WHERE team_id = $1 ORDER BY number LIMIT 50`, [team!.id]),
    );
    const roundTrip = await time(() => client.data(`{ me { id } }`));
    const list = (variables: Record<string, unknown>) => () => client.data(LIST, { first: 50, ...variables });
    const scenarios: Array<[string, () => Promise<unknown>]> = [
      ['first page of 50, default order', list({})],
      ['state category STARTED', list({ filter: { stateCategories: ['STARTED'] } })],
      ['full-text search "energy"', list({ filter: { search: 'energy' } })],
      ['deep keyset page (after #9500)', list({ after: deepCursor })],
      ['by DUE_AT DESC (nulls last)', list({ orderBy: { field: 'DUE_AT', direction: 'DESC' } })],
      ['by PRIORITY DESC', list({ orderBy: { field: 'PRIORITY', direction: 'DESC' } })],
      ['overdue, labels energy', list({ filter: { overdue: true, labels: ['energy'] } })],
    ];

    const row = (label: string, t: Timing) =>
      `${label.padEnd(36)} ${t.p50.toFixed(2).padStart(8)} ${t.p95.toFixed(2).padStart(8)} ${(t.p50 / baseline.p50)
        .toFixed(1)
        .padStart(10)} ${(t.p50 / roundTrip.p50).toFixed(1).padStart(12)}`;
    console.log(
      `${'scenario'.padEnd(36)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'× pg page'.padStart(10)} ${'× me query'.padStart(12)}`,
    );
    console.log(row('baseline: pg SELECT id … LIMIT 50', baseline));
    console.log(row('baseline: GraphQL { me { id } }', roundTrip));
    for (const [label, scenario] of scenarios) console.log(row(label, await time(scenario)));
  } finally {
    await db.end().catch(() => undefined);
    await app?.close();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
