import type { GraphqlClient } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';

const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { key } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`;
const CREATE = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) { id number } }`;
const LIST = `query($filter: RecommendationFilter, $orderBy: RecommendationOrder, $first: Int, $after: String) {
  recommendations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
    nodes { id number title team { key } }
  } }`;
const REPORT = `query($filter: RecommendationFilter) { progressReport(filter: $filter) {
  total open completed canceled overdue dueWithin7Days completionRate
  byState { state { key name category } count }
  byOwner { owner { id name } total completed overdue } } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: Array<{ id: string; number: number; title: string; team: { key: string } }>;
}

interface Report {
  total: number;
  open: number;
  completed: number;
  canceled: number;
  overdue: number;
  dueWithin7Days: number;
  completionRate: number;
  byState: Array<{ state: { key: string; name: string; category: string }; count: number }>;
  byOwner: Array<{ owner: { id: string; name: string } | null; total: number; completed: number; overdue: number }>;
}

type Order = { field: string; direction: 'ASC' | 'DESC' };

const DAY = 86_400_000;

/**
 * Team LST, by hand (now = when the suite starts; past = 10 days ago, soon = in 3 days, later = in 30):
 *
 *  #  priority labels           owner  due    state        category   notes
 *  1  URGENT   energy, trade    alice  past   IN_PROGRESS  STARTED    overdue
 *  2  HIGH     trade            bob    soon   PROPOSED     UNSTARTED  due within 7 days; carol a stakeholder
 *  3  MEDIUM   people           -      -      ACCEPTED     UNSTARTED  from the source
 *  4  LOW      -                alice  past   IMPLEMENTED  COMPLETED  from the source; past but not overdue
 *  5  NONE     defense          bob    past   REJECTED     CANCELED   carol a stakeholder; past but not overdue
 *  6  HIGH     energy           bob    past   BLOCKED      STARTED    overdue
 *  7  NONE     trade, digital   bob    soon   DEFERRED     BACKLOG    due within 7 days
 *  8  URGENT   -                alice  later  IMPLEMENTED  COMPLETED
 */
const FIXTURE = [
  {
    title: 'Scale up energy trade',
    description: 'LNG exports',
    priority: 'URGENT',
    labels: ['energy', 'trade'],
    owner: 'alice',
    due: 'past',
    state: 'IN_PROGRESS',
  },
  {
    title: 'Deepen supply chains',
    description: 'Semiconductors and batteries',
    priority: 'HIGH',
    labels: ['trade'],
    owner: 'bob',
    due: 'soon',
    state: 'PROPOSED',
  },
  {
    title: 'Expand visa programs',
    description: '',
    priority: 'MEDIUM',
    labels: ['people'],
    owner: null,
    due: null,
    state: 'ACCEPTED',
  },
  {
    title: 'Coordinate export controls',
    description: 'On advanced chips',
    priority: 'LOW',
    labels: [],
    owner: 'alice',
    due: 'past',
    state: 'IMPLEMENTED',
  },
  {
    title: 'Joint shipbuilding',
    description: 'Naval shipyards',
    priority: 'NONE',
    labels: ['defense'],
    owner: 'bob',
    due: 'past',
    state: 'REJECTED',
  },
  {
    title: 'Critical minerals',
    description: 'Processing and recycling',
    priority: 'HIGH',
    labels: ['energy'],
    owner: 'bob',
    due: 'past',
    state: 'BLOCKED',
  },
  {
    title: 'Digital trade rules',
    description: 'Data flows',
    priority: 'NONE',
    labels: ['trade', 'digital'],
    owner: 'bob',
    due: 'soon',
    state: 'DEFERRED',
  },
  {
    title: 'Nuclear cooperation',
    description: 'Civil energy reactors',
    priority: 'URGENT',
    labels: [],
    owner: 'alice',
    due: 'later',
    state: 'IMPLEMENTED',
  },
] as const;

describe('recommendations list and progress report', () => {
  let api: TestApi;
  let alice: { client: GraphqlClient; id: string };
  let bob: { client: GraphqlClient; id: string };
  let carol: { client: GraphqlClient; id: string };
  let eve: { client: GraphqlClient; id: string };
  const now = Date.now();
  const dueOf = { past: new Date(now - 10 * DAY), soon: new Date(now + 3 * DAY), later: new Date(now + 30 * DAY) };
  /** LST's recommendation ids by number (1-based; index 0 unused). */
  const lst: string[] = [''];
  const oth: string[] = [''];

  const list = async (client: GraphqlClient, variables: Record<string, unknown>) =>
    (await client.data<{ recommendations: Page }>(LIST, variables)).recommendations;
  /** Numbers of LST's recommendations that match, in list order. */
  const numbers = async (filter: Record<string, unknown>, client = alice.client) =>
    (await list(client, { filter: { teamKey: 'LST', ...filter }, first: 100 })).nodes.map((node) => node.number);
  const report = async (client: GraphqlClient, filter?: Record<string, unknown>) =>
    (await client.data<{ progressReport: Report }>(REPORT, { filter })).progressReport;

  /** Follows endCursor to the last page, checking each page's shape; returns every id in order. */
  async function walk(client: GraphqlClient, filter: Record<string, unknown>, orderBy: Order | undefined, first = 3) {
    const ids: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await list(client, { filter, orderBy, first, after });
      expect(page.nodes.map((n) => n.id)).toEqual(page.edges.map((e) => e.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
      expect(page.nodes.length).toBeLessThanOrEqual(first);
      ids.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) return ids;
      expect(page.nodes).toHaveLength(first);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      after = page.pageInfo.endCursor!;
    }
    throw new Error('more than 50 pages');
  }

  const person = async (email: string) => {
    const { client, userId } = await api.signUp(email, email.split('@')[0]);
    return { client, id: userId };
  };

  beforeAll(async () => {
    api = await startTestApi();
    alice = await person('alice@example.com');
    bob = await person('bob@example.com');
    carol = await person('carol@example.com');
    eve = await person('eve@example.com');
    for (const key of ['LST', 'OTH', 'PAG']) {
      await alice.client.data(CREATE_TEAM, { input: { key, name: `Team ${key}` } });
      for (const email of ['bob@example.com', 'carol@example.com']) {
        await alice.client.data(ADD_MEMBER, { input: { teamKey: key, email, role: 'MEMBER' } });
      }
    }
    const ownerIds = { alice: alice.id, bob: bob.id };
    for (const rec of FIXTURE) {
      const { createRecommendation } = await alice.client.data<{ createRecommendation: { id: string } }>(CREATE, {
        input: {
          teamKey: 'LST',
          title: rec.title,
          description: rec.description,
          priority: rec.priority,
          labels: rec.labels,
          ownerId: rec.owner ? ownerIds[rec.owner] : null,
          dueAt: rec.due ? dueOf[rec.due].toISOString() : null,
        },
      });
      lst.push(createRecommendation.id);
    }
    // States, times, sources and stakeholders are set in the database: they are other features' writes, and
    // this suite is about reading. Distinct times with deliberate ties (#3 = #5 created, #2 = #7 updated)
    // exercise the id tie-break.
    const created = [0, 1, 2, 3, 4, 3, 5, 6, 7].map((minutes) => new Date(now - DAY + minutes * 60_000 + 123));
    const updated = [0, 8, 2, 6, 1, 5, 7, 2, 4].map((minutes) => new Date(now - DAY / 2 + minutes * 60_000 + 456));
    for (const [i, rec] of FIXTURE.entries()) {
      await api.database.query(
        `UPDATE recommendations SET state_key = $2, created_at = $3, updated_at = $4 WHERE id = $1`,
        [lst[i + 1], rec.state, created[i + 1], updated[i + 1]],
      );
    }
    const [team] = await api.database.query<{ id: string }>(`SELECT id FROM teams WHERE key = 'LST'`);
    const [source] = await api.database.query<{ id: string }>(
      `INSERT INTO sources (team_id, title) VALUES ($1, 'Agenda') RETURNING id`,
      [team!.id],
    );
    await api.database.query(`UPDATE recommendations SET source_id = $1 WHERE id = ANY($2::uuid[])`, [
      source!.id,
      [lst[3], lst[4]],
    ]);
    for (const n of [2, 5]) {
      await api.database.query(
        `INSERT INTO stakeholders (recommendation_id, user_id, role) VALUES ($1, $2, 'CONSULTED')`,
        [lst[n], carol.id],
      );
    }

    // OTH calls ACCEPTED a STARTED state: categories resolve per team.
    for (const title of ['Other accepted', 'Other proposed']) {
      const { createRecommendation } = await alice.client.data<{ createRecommendation: { id: string } }>(CREATE, {
        input: { teamKey: 'OTH', title },
      });
      oth.push(createRecommendation.id);
    }
    await api.database.query(
      `UPDATE teams SET workflow = jsonb_set(workflow, '{states,1,category}', '"STARTED"') WHERE key = 'OTH'`,
    );
    await api.database.query(`UPDATE recommendations SET state_key = 'ACCEPTED' WHERE id = $1`, [oth[1]]);
  });
  afterAll(() => api.close());

  describe('filters', () => {
    it('lists only the teams the caller is in, LST by number by default', async () => {
      expect(await numbers({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const all = await list(alice.client, { first: 100 });
      expect(all.totalCount).toBe(10);
      expect(new Set(all.nodes.map((n) => n.team.key))).toEqual(new Set(['LST', 'OTH']));
    });

    it.each([
      ['sourceId', () => ({ sourceId: 'SOURCE' }), [3, 4]],
      ['stateKeys', () => ({ stateKeys: ['PROPOSED', 'DEFERRED'] }), [2, 7]],
      ['stateCategories COMPLETED', () => ({ stateCategories: ['COMPLETED'] }), [4, 8]],
      ['stateCategories UNSTARTED, BACKLOG', () => ({ stateCategories: ['UNSTARTED', 'BACKLOG'] }), [2, 3, 7]],
      ['ownerId', () => ({ ownerId: 'ALICE' }), [1, 4, 8]],
      ['stakeholderId', () => ({ stakeholderId: 'CAROL' }), [2, 5]],
      ['labels (any of)', () => ({ labels: ['trade'] }), [1, 2, 7]],
      ['labels, two', () => ({ labels: ['defense', 'people'] }), [3, 5]],
      ['priorities', () => ({ priorities: ['HIGH', 'LOW'] }), [2, 4, 6]],
      ['dueBefore', () => ({ dueBefore: new Date(now).toISOString() }), [1, 4, 5, 6]],
      ['dueAfter', () => ({ dueAfter: new Date(now + 7 * DAY).toISOString() }), [8]],
      [
        'dueAfter and dueBefore',
        () => ({ dueAfter: new Date(now).toISOString(), dueBefore: new Date(now + 7 * DAY).toISOString() }),
        [2, 7],
      ],
      ['overdue true', () => ({ overdue: true }), [1, 6]],
      ['overdue false', () => ({ overdue: false }), [2, 3, 4, 5, 7, 8]],
      ['search, stemmed', () => ({ search: 'energies' }), [1, 8]],
      ['search, websearch syntax', () => ({ search: '"export controls" OR shipbuilding' }), [4, 5]],
      ['search, excluded word', () => ({ search: 'trade -digital' }), [1]],
      ['owner and overdue together', () => ({ ownerId: 'BOB', overdue: true }), [6]],
    ])('%s', async (_what, filterOf, expected) => {
      const ids = { SOURCE: '', ALICE: alice.id, BOB: bob.id, CAROL: carol.id };
      const [{ source_id }] = await api.database.query<{ source_id: string }>(
        `SELECT source_id FROM recommendations WHERE id = $1`,
        [lst[3]],
      );
      ids.SOURCE = source_id;
      const filter = Object.fromEntries(
        Object.entries(filterOf()).map(([k, v]) => [
          k,
          typeof v === 'string' && v in ids ? ids[v as keyof typeof ids] : v,
        ]),
      );
      expect(await numbers(filter)).toEqual(expected);
      const page = await list(alice.client, { filter: { teamKey: 'LST', ...filter }, first: 1 });
      expect(page.totalCount).toBe(expected.length);
    });

    it('resolves categories per team: ACCEPTED is STARTED in OTH but UNSTARTED in LST', async () => {
      const page = await list(alice.client, { filter: { stateCategories: ['STARTED'] }, first: 100 });
      expect(page.nodes.map((n) => n.id).sort()).toEqual([lst[1], lst[6], oth[1]].sort());
    });

    it('refuses malformed filter values naming the field', async () => {
      const bad = await alice.client.error(LIST, { filter: { ownerId: 'me' } });
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(bad.message).toContain('ownerId');
    });
  });

  describe('visibility', () => {
    it('shows an outsider nothing, and a team they are not in (or no team) as NOT_FOUND', async () => {
      const none = await list(eve.client, { first: 100 });
      expect(none).toMatchObject({ totalCount: 0, nodes: [], edges: [], pageInfo: { hasNextPage: false } });
      expect((await eve.client.error(LIST, { filter: { teamKey: 'LST' } })).extensions?.code).toBe('NOT_FOUND');
      expect((await alice.client.error(LIST, { filter: { teamKey: 'NOPE' } })).extensions?.code).toBe('NOT_FOUND');
      expect((await eve.client.error(REPORT, { filter: { teamKey: 'LST' } })).extensions?.code).toBe('NOT_FOUND');
      expect(await report(eve.client)).toMatchObject({ total: 0, completionRate: 0, byState: [], byOwner: [] });
    });
  });

  describe('order and pages', () => {
    interface Row {
      id: string;
      number: number;
      created: string;
      updated: string;
      due: string | null;
      rank: number;
    }
    let rows: Row[];
    beforeAll(async () => {
      // The database's own values, to the microsecond: the oracle sorts these.
      rows = await api.database.query<Row>(
        `SELECT r.id::text AS id, r.number,
                to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS created,
                to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS updated,
                to_char(r.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS due,
                array_position(ARRAY['NONE','LOW','MEDIUM','HIGH','URGENT'], r.priority::text) AS rank
           FROM recommendations r JOIN teams t ON t.id = r.team_id WHERE t.key = 'LST'`,
      );
    });

    const keyOf: Record<string, (row: Row) => string | number | null> = {
      NUMBER: (row) => row.number,
      CREATED_AT: (row) => row.created,
      UPDATED_AT: (row) => row.updated,
      DUE_AT: (row) => row.due,
      PRIORITY: (row) => row.rank,
    };
    const expectedOrder = ({ field, direction }: Order): string[] => {
      const sign = direction === 'ASC' ? 1 : -1;
      const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
      return [...rows]
        .sort((a, b) => {
          const [ka, kb] = [keyOf[field]!(a), keyOf[field]!(b)];
          // Nulls (no deadline) last in both directions.
          if (ka === null || kb === null) {
            if (ka !== kb) return ka === null ? 1 : -1;
            return sign * cmp(a.id, b.id);
          }
          return sign * cmp(ka, kb) || sign * cmp(a.id, b.id);
        })
        .map((row) => row.id);
    };

    it('has ties and a missing deadline in the fixture, so that tie-breaks and nulls are exercised', () => {
      expect(new Set(rows.map((r) => r.created)).size).toBeLessThan(rows.length);
      expect(new Set(rows.map((r) => r.updated)).size).toBeLessThan(rows.length);
      expect(rows.filter((r) => r.due === null)).toHaveLength(1);
    });

    const orders: Order[] = ['NUMBER', 'CREATED_AT', 'UPDATED_AT', 'DUE_AT', 'PRIORITY'].flatMap((field) =>
      (['ASC', 'DESC'] as const).map((direction) => ({ field, direction })),
    );
    it.each(orders)('orders by %o, page after page', async (order) => {
      const ids = await walk(alice.client, { teamKey: 'LST' }, order, 3);
      expect(ids).toEqual(expectedOrder(order));
    });

    it('ranks priority URGENT > HIGH > MEDIUM > LOW > NONE and puts recommendations without a deadline last', async () => {
      const byPriority = await list(alice.client, {
        filter: { teamKey: 'LST' },
        orderBy: { field: 'PRIORITY', direction: 'DESC' },
      });
      expect(
        byPriority.nodes
          .slice(0, 2)
          .map((n) => n.number)
          .sort(),
      ).toEqual([1, 8]);
      expect(
        byPriority.nodes
          .slice(-2)
          .map((n) => n.number)
          .sort(),
      ).toEqual([5, 7]);
      for (const direction of ['ASC', 'DESC']) {
        const byDue = await list(alice.client, { filter: { teamKey: 'LST' }, orderBy: { field: 'DUE_AT', direction } });
        expect(byDue.nodes.at(-1)!.number).toBe(3);
      }
    });

    it('pages a filtered list too, with the same totalCount on every page', async () => {
      const order: Order = { field: 'DUE_AT', direction: 'DESC' };
      const ids = await walk(alice.client, { teamKey: 'LST', overdue: false }, order, 2);
      const matching = new Set([2, 3, 4, 5, 7, 8].map((n) => lst[n]!));
      expect(ids).toEqual(expectedOrder(order).filter((id) => matching.has(id)));
      expect(ids).toHaveLength(6);
    });

    it('returns no nodes but the total for first: 0', async () => {
      const page = await list(alice.client, { filter: { teamKey: 'LST' }, first: 0 });
      expect(page).toMatchObject({
        totalCount: 8,
        nodes: [],
        edges: [],
        pageInfo: { hasNextPage: false, startCursor: null, endCursor: null },
      });
    });

    it('refuses a tampered cursor, or one made for another ordering, as BAD_USER_INPUT naming `after`', async () => {
      const page = await list(alice.client, { filter: { teamKey: 'LST' }, first: 2 });
      const cursor = page.pageInfo.endCursor!;
      const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
      const tampered = [
        Buffer.from(JSON.stringify([parts[0], parts[1], 'two', parts[3]])).toString('base64url'),
        Buffer.from(JSON.stringify([parts[0], parts[1], parts[2], 'not-an-id'])).toString('base64url'),
        cursor.slice(0, -3),
        'definitely not a cursor',
      ];
      for (const after of tampered) {
        const error = await alice.client.error(LIST, { filter: { teamKey: 'LST' }, first: 2, after });
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
      const foreign = await alice.client.error(LIST, {
        filter: { teamKey: 'LST' },
        orderBy: { field: 'CREATED_AT', direction: 'ASC' },
        after: cursor,
      });
      expect(foreign.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(foreign.message).toContain('after');
    });

    it.each<Order>([
      { field: 'NUMBER', direction: 'ASC' },
      { field: 'CREATED_AT', direction: 'DESC' },
      { field: 'DUE_AT', direction: 'ASC' },
      { field: 'DUE_AT', direction: 'DESC' },
      { field: 'PRIORITY', direction: 'DESC' },
    ])('returns every item exactly once by %o while items are inserted between pages', async (orderBy) => {
      const before = (await list(alice.client, { filter: { teamKey: 'PAG' }, first: 100 })).nodes.map((n) => n.id);
      if (before.length === 0) {
        for (let i = 0; i < 10; i++) {
          const due = i % 3 === 0 ? null : new Date(now + (i - 5) * DAY).toISOString();
          const priority = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'][i % 5];
          const { createRecommendation } = await alice.client.data<{ createRecommendation: { id: string } }>(CREATE, {
            input: { teamKey: 'PAG', title: `Paged ${i}`, dueAt: due, priority },
          });
          before.push(createRecommendation.id);
        }
      }
      const seen: string[] = [];
      let after: string | undefined;
      let inserted = 0;
      for (let pages = 0; pages < 30; pages++) {
        const page = await list(alice.client, { filter: { teamKey: 'PAG' }, orderBy, first: 3, after });
        seen.push(...page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
        // A newcomer between pages, now and then without a deadline or with a tied priority.
        const due = inserted % 2 ? null : new Date(now + (inserted - 1) * DAY).toISOString();
        await alice.client.data(CREATE, {
          input: { teamKey: 'PAG', title: `Inserted ${inserted++}`, dueAt: due, priority: 'MEDIUM' },
        });
      }
      expect(inserted).toBeGreaterThan(0);
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of before) expect(seen).toContain(id);
    });
  });

  describe('progressReport', () => {
    it('counts the hand-computed fixture', async () => {
      const result = await report(alice.client, { teamKey: 'LST' });
      expect(result).toMatchObject({
        total: 8,
        open: 5,
        completed: 2,
        canceled: 1,
        overdue: 2,
        dueWithin7Days: 2,
      });
      expect(result.completionRate).toBeCloseTo(2 / 7, 10);
      expect(result.byState.map((s) => [s.state.key, s.state.category, s.count])).toEqual([
        ['PROPOSED', 'UNSTARTED', 1],
        ['ACCEPTED', 'UNSTARTED', 1],
        ['IN_PROGRESS', 'STARTED', 1],
        ['BLOCKED', 'STARTED', 1],
        ['IMPLEMENTED', 'COMPLETED', 2],
        ['DEFERRED', 'BACKLOG', 1],
        ['REJECTED', 'CANCELED', 1],
      ]);
      expect(result.byOwner).toEqual([
        { owner: { id: bob.id, name: 'bob' }, total: 4, completed: 0, overdue: 1 },
        { owner: { id: alice.id, name: 'alice' }, total: 3, completed: 2, overdue: 1 },
        { owner: null, total: 1, completed: 0, overdue: 0 },
      ]);
    });

    it('applies the same filter as the list', async () => {
      const result = await report(alice.client, { teamKey: 'LST', labels: ['trade'] });
      expect(result).toMatchObject({ total: 3, open: 3, completed: 0, canceled: 0, overdue: 1, dueWithin7Days: 2 });
      expect(result.completionRate).toBe(0);
      expect(result.byState.find((s) => s.state.key === 'IMPLEMENTED')!.count).toBe(0);
      const onlyCanceled = await report(alice.client, { teamKey: 'LST', stateKeys: ['REJECTED'] });
      expect(onlyCanceled).toMatchObject({ total: 1, canceled: 1, completionRate: 0 });
    });

    it('judges categories by each team: OTH counts its ACCEPTED as open and STARTED', async () => {
      const result = await report(alice.client, { teamKey: 'OTH' });
      expect(result).toMatchObject({ total: 2, open: 2, completed: 0 });
      expect(result.byState.find((s) => s.state.key === 'ACCEPTED')).toEqual({
        state: { key: 'ACCEPTED', name: 'Accepted', category: 'STARTED' },
        count: 1,
      });
    });
  });
});
