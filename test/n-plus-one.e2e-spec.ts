import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';

import { startTestApi, type TestApi } from './support/api-harness';

const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { key } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`;
const NESTED = `query($first: Int) { recommendations(first: $first) { nodes {
  owner { name } state { key } stakeholders { user { name } role } actionItems { title } progress { percent } commentCount
} } }`;

type Query = (...args: unknown[]) => unknown;

/**
 * Counts the SQL statements the API sends while a nested list resolves: every pg client the API's pool hands
 * out gets its `query` wrapped once, so whatever TypeORM (or raw `dataSource.query`) sends is seen.
 */
describe('no N+1: a nested list costs a fixed number of statements', () => {
  let api: TestApi;
  let token: string;
  const statements: string[] = [];
  let counting = false;

  beforeAll(async () => {
    api = await startTestApi();
    const wrapped = new WeakSet<PoolClient>();
    const pool = (api.app.get(DataSource).driver as unknown as { master: unknown }).master as {
      on(event: 'acquire', listener: (c: PoolClient) => void): void;
    };
    pool.on('acquire', (client) => {
      if (wrapped.has(client)) return;
      wrapped.add(client);
      const original = client.query.bind(client) as Query;
      (client as unknown as { query: Query }).query = (...args: unknown[]) => {
        if (counting) {
          const [first] = args;
          statements.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
        }
        return original(...args);
      };
    });

    const owner = await api.signUp('owner@example.com', 'Owner');
    token = owner.token;
    const helper = await api.signUp('helper@example.com', 'Helper');
    // A stakeholder who owns nothing: their user is a load of its own, not a cache hit of the owners'.
    const adviser = await api.signUp('adviser@example.com', 'Adviser');
    await owner.client.data(CREATE_TEAM, { input: { key: 'NPO', name: 'N plus one' } });
    for (const email of ['helper@example.com', 'adviser@example.com']) {
      await owner.client.data(ADD_MEMBER, { input: { teamKey: 'NPO', email, role: 'MEMBER' } });
    }
    // 50 recommendations, owners alternating, each with a stakeholder, two action items and a comment: seeded in
    // SQL, since this test is about reading them.
    const [team] = await api.database.query<{ id: string }>(`SELECT id FROM teams WHERE key = 'NPO'`);
    const ids = await api.database.query<{ id: string }>(
      `INSERT INTO recommendations (team_id, number, title, state_key, owner_id)
       SELECT $1, n, 'Recommendation ' || n, 'PROPOSED', CASE WHEN n % 2 = 0 THEN $2::uuid ELSE $3::uuid END
         FROM generate_series(1, 50) AS n RETURNING id`,
      [team!.id, owner.userId, helper.userId],
    );
    expect(ids).toHaveLength(50);
    await api.database.query(
      `INSERT INTO stakeholders (recommendation_id, user_id, role) SELECT id, $2, 'CONSULTED' FROM recommendations WHERE team_id = $1`,
      [team!.id, adviser.userId],
    );
    await api.database.query(
      `INSERT INTO action_items (recommendation_id, team_id, title, status, position)
       SELECT r.id, r.team_id, 'Step ' || p, CASE WHEN p = 1 THEN 'DONE' ELSE 'TODO' END, p
         FROM recommendations r, generate_series(1, 2) AS p WHERE r.team_id = $1`,
      [team!.id],
    );
    await api.database.query(
      `INSERT INTO comments (recommendation_id, team_id, author_id, body) SELECT id, team_id, $2, 'Noted' FROM recommendations WHERE team_id = $1`,
      [team!.id, owner.userId],
    );
  });
  afterAll(() => api.close());

  async function countFor(first: number): Promise<{ count: number; nodes: number }> {
    statements.length = 0;
    counting = true;
    try {
      const result = await api.client
        .as(token)
        .data<{ recommendations: { nodes: Array<{ stakeholders: unknown[]; actionItems: unknown[] }> } }>(NESTED, {
          first,
        });
      return { count: statements.length, nodes: result.recommendations.nodes.length };
    } finally {
      counting = false;
    }
  }

  it('makes as many statements for 50 recommendations as for 5, and at most 8', async () => {
    const five = await countFor(5);
    const snapshot = [...statements];
    const fifty = await countFor(50);
    expect(five.nodes).toBe(5);
    expect(fifty.nodes).toBe(50);
    // Printed for the record: which statements a nested list costs.
    console.log(
      `${fifty.count} statements for 50 (${five.count} for 5):\n${statements.map((s) => `  ${s.replace(/\s+/g, ' ').slice(0, 140)}`).join('\n')}`,
    );
    expect({ five: five.count, fifty: fifty.count }).toEqual({ five: fifty.count, fifty: fifty.count });
    expect(fifty.count).toBeLessThanOrEqual(8);
    expect(snapshot.length).toBe(five.count);
  });
});
