import type { GraphqlClient } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';
import { createTeamWithCast, type Person, signUpPerson } from './support/team-cast';

const REC_FIELDS = `id identifier number title description priority labels version dueAt completedAt isOverdue
  state { key name category } owner { id } createdBy { id } team { key }`;
const CREATE = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) { ${REC_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRecommendationInput!) {
  updateRecommendation(id: $id, input: $input) { ${REC_FIELDS} } }`;
const TRANSITION = `mutation($input: TransitionInput!) { transitionRecommendation(input: $input) { ${REC_FIELDS} } }`;
const BY_ID = `query($id: ID!) { recommendation(id: $id) { ${REC_FIELDS} } }`;
const BY_IDENTIFIER = `query($identifier: String!) { recommendationByIdentifier(identifier: $identifier) { id identifier } }`;
const ACTIVITY = `query($id: ID!, $first: Int, $after: String) { recommendation(id: $id) { activity(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id } }
  nodes { id kind actor { id } recommendation { id } changes { field from to } createdAt } } } }`;
const WORKFLOW_FIELDS = `states { key name category } initialState { key }
  transitions { from to allowedRoles allowOwner requiresComment requiresActionItemsDone }`;
const TEAM_WORKFLOW = `query($key: String!) { team(key: $key) { workflow { ${WORKFLOW_FIELDS} } } }`;
const UPDATE_WORKFLOW = `mutation($teamKey: String!, $input: WorkflowInput!) {
  updateWorkflow(teamKey: $teamKey, input: $input) { ${WORKFLOW_FIELDS} } }`;

interface Rec {
  id: string;
  identifier: string;
  number: number;
  title: string;
  description: string;
  priority: string;
  labels: string[];
  version: number;
  dueAt: string | null;
  completedAt: string | null;
  isOverdue: boolean;
  state: { key: string; name: string; category: string };
  owner: { id: string } | null;
  createdBy: { id: string } | null;
  team: { key: string };
}

interface ActivityNode {
  id: string;
  kind: string;
  actor: { id: string } | null;
  recommendation: { id: string };
  changes: { field: string; from: string | null; to: string | null }[];
  createdAt: string;
}

interface ActivityConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
  nodes: ActivityNode[];
}

describe('recommendations, workflow and activity', () => {
  let api: TestApi;
  let admin: Person;
  let manager: Person;
  let member: Person;
  let otherMember: Person;
  let stakeholder: Person;
  let outsider: Person;

  const person = (email: string): Promise<Person> => signUpPerson(api, email);

  const newTeam = (key: string) => createTeamWithCast(admin.client, key);

  const create = async (client: GraphqlClient, input: Record<string, unknown>) =>
    (await client.data<{ createRecommendation: Rec }>(CREATE, { input })).createRecommendation;
  const update = async (client: GraphqlClient, id: string, input: Record<string, unknown>) =>
    (await client.data<{ updateRecommendation: Rec }>(UPDATE, { id, input })).updateRecommendation;
  const transition = async (client: GraphqlClient, input: Record<string, unknown>) =>
    (await client.data<{ transitionRecommendation: Rec }>(TRANSITION, { input })).transitionRecommendation;
  const activity = async (client: GraphqlClient, id: string, first?: number, after?: string) =>
    (
      await client.data<{ recommendation: { activity: ActivityConnection } }>(ACTIVITY, {
        id,
        ...(first === undefined ? {} : { first }),
        ...(after === undefined ? {} : { after }),
      })
    ).recommendation.activity;
  const activityRows = (recommendationId: string) =>
    api.database.query<{ kind: string; changes: unknown }>(
      `SELECT kind, changes FROM activities WHERE recommendation_id = $1 ORDER BY created_at, id`,
      [recommendationId],
    );

  beforeAll(async () => {
    api = await startTestApi();
    admin = await person('admin@example.com');
    manager = await person('manager@example.com');
    member = await person('member@example.com');
    otherMember = await person('other@example.com');
    stakeholder = await person('stakeholder@example.com');
    outsider = await person('outsider@example.com');
    await newTeam('KOR');
  });
  afterAll(() => api.close());

  describe('creating', () => {
    it('numbers per team as KOR-1, KOR-2, starting in the initial state, with a CREATED activity', async () => {
      await newTeam('NUM');
      const first = await create(member.client, { teamKey: 'NUM', title: '  Scale up energy trade ' });
      const second = await create(admin.client, {
        teamKey: 'NUM',
        title: 'Deepen supply chains',
        description: 'Why it matters',
        priority: 'HIGH',
        labels: ['trade', 'energy', 'trade'],
        ownerId: member.id,
        dueAt: '2030-03-01T09:00:00Z',
      });
      expect(first).toMatchObject({
        identifier: 'NUM-1',
        number: 1,
        title: 'Scale up energy trade',
        description: '',
        priority: 'NONE',
        labels: [],
        version: 1,
        dueAt: null,
        completedAt: null,
        isOverdue: false,
        state: { key: 'PROPOSED', name: 'Proposed', category: 'UNSTARTED' },
        owner: null,
        createdBy: { id: member.id },
        team: { key: 'NUM' },
      });
      expect(second).toMatchObject({
        identifier: 'NUM-2',
        number: 2,
        priority: 'HIGH',
        labels: ['trade', 'energy'],
        owner: { id: member.id },
        dueAt: '2030-03-01T09:00:00.000Z',
      });

      // Numbers are per team: another team starts again at 1.
      await newTeam('NUMB');
      expect((await create(admin.client, { teamKey: 'NUMB', title: 'Elsewhere' })).identifier).toBe('NUMB-1');

      const found = await member.client.data<{ recommendationByIdentifier: { id: string } }>(BY_IDENTIFIER, {
        identifier: 'num-2',
      });
      expect(found.recommendationByIdentifier.id).toBe(second.id);

      const history = await activity(member.client, first.id);
      expect(history.nodes).toEqual([
        expect.objectContaining({ kind: 'CREATED', actor: { id: member.id }, recommendation: { id: first.id } }),
      ]);
    });

    it('gives 20 concurrent creations 20 distinct numbers', async () => {
      await newTeam('CONC');
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => create(member.client, { teamKey: 'CONC', title: `Concurrent ${i}` })),
      );
      expect(created.map((r) => r.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(created.map((r) => r.identifier)).size).toBe(20);
      const [team] = await api.database.query<{ next: number }>(
        `SELECT next_recommendation_number AS next FROM teams WHERE key = 'CONC'`,
      );
      expect(team!.next).toBe(21);
    });

    it('lets ADMIN, MANAGER and MEMBER create, refuses STAKEHOLDER, and hides the team from outsiders', async () => {
      for (const who of [admin, manager, member]) {
        await expect(create(who.client, { teamKey: 'KOR', title: 'Allowed' })).resolves.toBeTruthy();
      }
      const refused = await stakeholder.client.error(CREATE, { input: { teamKey: 'KOR', title: 'No' } });
      expect(refused.extensions?.code).toBe('FORBIDDEN');
      const hidden = await outsider.client.error(CREATE, { input: { teamKey: 'KOR', title: 'No' } });
      expect(hidden.extensions?.code).toBe('NOT_FOUND');
    });

    it('refuses an owner from outside the team, naming input.ownerId, and writes nothing', async () => {
      const [before] = await api.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM recommendations`);
      const error = await admin.client.error(CREATE, { input: { teamKey: 'KOR', title: 'X', ownerId: outsider.id } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerId' });
      const [after] = await api.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM recommendations`);
      expect(after!.n).toBe(before!.n);
    });
  });

  describe('updating', () => {
    it('bumps the version on each change, keeps absent fields, clears owner and deadline on explicit null', async () => {
      const rec = await create(admin.client, {
        teamKey: 'KOR',
        title: 'Original',
        ownerId: member.id,
        dueAt: '2030-01-01T00:00:00Z',
      });
      const retitled = await update(admin.client, rec.id, { title: 'Retitled', expectedVersion: 1 });
      expect(retitled).toMatchObject({
        title: 'Retitled',
        version: 2,
        owner: { id: member.id },
        dueAt: '2030-01-01T00:00:00.000Z',
      });

      const unowned = await update(admin.client, rec.id, { ownerId: null });
      expect(unowned).toMatchObject({ owner: null, dueAt: '2030-01-01T00:00:00.000Z', version: 3 });
      const undated = await update(admin.client, rec.id, { dueAt: null });
      expect(undated).toMatchObject({ owner: null, dueAt: null, version: 4, title: 'Retitled' });

      // Nothing really changes: no new version, no activity.
      const same = await update(admin.client, rec.id, { title: 'Retitled', ownerId: null });
      expect(same.version).toBe(4);

      const history = await activity(admin.client, rec.id);
      expect(history.nodes.map((n) => [n.kind, n.changes])).toEqual([
        ['CREATED', []],
        ['UPDATED', [{ field: 'title', from: 'Original', to: 'Retitled' }]],
        ['OWNER_CHANGED', [{ field: 'owner', from: member.id, to: null }]],
        ['DUE_DATE_CHANGED', [{ field: 'dueAt', from: '2030-01-01T00:00:00.000Z', to: null }]],
      ]);
      expect(history.nodes.every((n) => n.actor?.id === admin.id)).toBe(true);
    });

    it('splits one update into UPDATED, OWNER_CHANGED and DUE_DATE_CHANGED entries', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Several' });
      await update(admin.client, rec.id, {
        title: 'Several at once',
        priority: 'URGENT',
        labels: ['a', 'b'],
        ownerId: otherMember.id,
        dueAt: '2031-06-30T12:00:00+02:00',
      });
      expect((await activityRows(rec.id)).map((row) => [row.kind, row.changes])).toEqual([
        ['CREATED', []],
        [
          'UPDATED',
          [
            { field: 'title', from: 'Several', to: 'Several at once' },
            { field: 'priority', from: 'NONE', to: 'URGENT' },
            { field: 'labels', from: null, to: 'a, b' },
          ],
        ],
        ['OWNER_CHANGED', [{ field: 'owner', from: null, to: otherMember.id }]],
        ['DUE_DATE_CHANGED', [{ field: 'dueAt', from: null, to: '2031-06-30T10:00:00.000Z' }]],
      ]);
    });

    it('lets exactly one of 20 concurrent writers with the same expectedVersion win; the rest get CONFLICT', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Contended' });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          admin.client.request<{ updateRecommendation: Rec }>(UPDATE, {
            id: rec.id,
            input: { title: `Writer ${i}`, expectedVersion: 1 },
          }),
        ),
      );
      const winners = results.filter((r) => r.data?.updateRecommendation);
      const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
      expect(winners).toHaveLength(1);
      expect(conflicts).toHaveLength(19);

      const { recommendation } = await admin.client.data<{ recommendation: Rec }>(BY_ID, { id: rec.id });
      expect(recommendation.version).toBe(2);
      expect(recommendation.title).toBe(winners[0]!.data!.updateRecommendation.title);
      expect((await activityRows(rec.id)).map((row) => row.kind)).toEqual(['CREATED', 'UPDATED']);
    });

    it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Stale' });
      await update(admin.client, rec.id, { title: 'Fresh' });
      const error = await admin.client.error(UPDATE, {
        id: rec.id,
        input: { title: 'Too late', ownerId: member.id, expectedVersion: 1 },
      });
      expect(error.extensions?.code).toBe('CONFLICT');
      const { recommendation } = await admin.client.data<{ recommendation: Rec }>(BY_ID, { id: rec.id });
      expect(recommendation).toMatchObject({ title: 'Fresh', version: 2, owner: null });
      expect(await activityRows(rec.id)).toHaveLength(2);
    });

    it('applies the permission table: MEMBERs edit and assign only what they own', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Permissions', ownerId: member.id });

      const notOwner = await otherMember.client.error(UPDATE, { id: rec.id, input: { title: 'Mine now' } });
      expect(notOwner.extensions?.code).toBe('FORBIDDEN');
      const notOwnerAssign = await otherMember.client.error(UPDATE, {
        id: rec.id,
        input: { dueAt: '2030-01-01T00:00:00Z' },
      });
      expect(notOwnerAssign.extensions?.code).toBe('FORBIDDEN');
      const stakeholderEdit = await stakeholder.client.error(UPDATE, { id: rec.id, input: { description: 'x' } });
      expect(stakeholderEdit.extensions?.code).toBe('FORBIDDEN');

      const edited = await update(member.client, rec.id, { description: 'Owner edits', dueAt: '2030-01-01T00:00:00Z' });
      expect(edited).toMatchObject({ description: 'Owner edits', version: 2 });
      // The owner may hand it on, and then is no longer the owner.
      await update(member.client, rec.id, { ownerId: otherMember.id });
      expect((await member.client.error(UPDATE, { id: rec.id, input: { title: 'Back' } })).extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await update(manager.client, rec.id, { title: 'Managers may' })).title).toBe('Managers may');

      const foreignOwner = await admin.client.error(UPDATE, { id: rec.id, input: { ownerId: outsider.id } });
      expect(foreignOwner.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerId' });
    });
  });

  describe('transitions', () => {
    it('follows the default workflow: roles, owner, comments and missing transitions', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Flow', ownerId: member.id });

      const memberAccepts = await member.client.error(TRANSITION, {
        input: { recommendationId: rec.id, toState: 'ACCEPTED' },
      });
      expect(memberAccepts.extensions?.code).toBe('FORBIDDEN');

      const skip = await admin.client.error(TRANSITION, {
        input: { recommendationId: rec.id, toState: 'IMPLEMENTED' },
      });
      expect(skip.extensions?.code).toBe('INVALID_TRANSITION');
      expect(skip.message).toMatch(/no transition from PROPOSED to IMPLEMENTED/);

      const accepted = await transition(manager.client, { recommendationId: rec.id, toState: 'ACCEPTED' });
      expect(accepted).toMatchObject({ state: { key: 'ACCEPTED', category: 'UNSTARTED' }, version: 2 });

      // allowOwner: the MEMBER who owns it may start it; another MEMBER may not.
      const notOwner = await otherMember.client.error(TRANSITION, {
        input: { recommendationId: rec.id, toState: 'IN_PROGRESS' },
      });
      expect(notOwner.extensions?.code).toBe('FORBIDDEN');
      const started = await transition(member.client, {
        recommendationId: rec.id,
        toState: 'IN_PROGRESS',
        expectedVersion: 2,
      });
      expect(started).toMatchObject({ state: { key: 'IN_PROGRESS', name: 'In progress', category: 'STARTED' } });

      expect((await activityRows(rec.id)).map((row) => [row.kind, row.changes])).toEqual([
        ['CREATED', []],
        ['STATE_CHANGED', [{ field: 'state', from: 'PROPOSED', to: 'ACCEPTED' }]],
        ['STATE_CHANGED', [{ field: 'state', from: 'ACCEPTED', to: 'IN_PROGRESS' }]],
      ]);
    });

    it('requires a comment where the workflow says so', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Reject me' });
      for (const comment of [undefined, '   ']) {
        const error = await admin.client.error(TRANSITION, {
          input: { recommendationId: rec.id, toState: 'REJECTED', ...(comment === undefined ? {} : { comment }) },
        });
        expect(error.extensions?.code).toBe('INVALID_TRANSITION');
        expect(error.message).toMatch(/requires a comment/);
      }
      const rejected = await transition(admin.client, {
        recommendationId: rec.id,
        toState: 'REJECTED',
        comment: 'Out of scope',
      });
      expect(rejected.state).toMatchObject({ key: 'REJECTED', category: 'CANCELED' });
      expect(rejected.completedAt).toBeNull();
    });

    it('sets completedAt on entering IMPLEMENTED and clears it on leaving', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Complete me', dueAt: '2020-01-01T00:00:00Z' });
      expect(rec.isOverdue).toBe(true);
      await transition(admin.client, { recommendationId: rec.id, toState: 'ACCEPTED' });
      await transition(admin.client, { recommendationId: rec.id, toState: 'IN_PROGRESS' });
      const before = Date.now();
      const done = await transition(admin.client, {
        recommendationId: rec.id,
        toState: 'IMPLEMENTED',
        comment: 'Shipped',
      });
      expect(done.state.category).toBe('COMPLETED');
      expect(done.isOverdue).toBe(false);
      expect(done.completedAt).not.toBeNull();
      expect(Date.parse(done.completedAt!)).toBeGreaterThanOrEqual(before - 1000);

      const reopened = await transition(admin.client, {
        recommendationId: rec.id,
        toState: 'IN_PROGRESS',
        comment: 'Regressed',
      });
      expect(reopened).toMatchObject({ completedAt: null, isOverdue: true, version: 5 });
    });

    it('refuses an unknown state (BAD_USER_INPUT on input.toState) and a stale version (CONFLICT)', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Guarded' });
      const unknown = await admin.client.error(TRANSITION, { input: { recommendationId: rec.id, toState: 'DONE' } });
      expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toState' });
      const stale = await admin.client.error(TRANSITION, {
        input: { recommendationId: rec.id, toState: 'ACCEPTED', expectedVersion: 7 },
      });
      expect(stale.extensions?.code).toBe('CONFLICT');
      const { recommendation } = await admin.client.data<{ recommendation: Rec }>(BY_ID, { id: rec.id });
      expect(recommendation).toMatchObject({ version: 1, state: { key: 'PROPOSED' } });
      expect(await activityRows(rec.id)).toHaveLength(1);
    });
  });

  describe('visibility', () => {
    it('hides another team’s recommendations: null for reads, NOT_FOUND for writes', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Private' });
      const byId = await outsider.client.data<{ recommendation: Rec | null }>(BY_ID, { id: rec.id });
      expect(byId.recommendation).toBeNull();
      const byIdentifier = await outsider.client.data<{ recommendationByIdentifier: unknown }>(BY_IDENTIFIER, {
        identifier: rec.identifier,
      });
      expect(byIdentifier.recommendationByIdentifier).toBeNull();
      const write = await outsider.client.error(UPDATE, { id: rec.id, input: { title: 'Hijack' } });
      expect(write.extensions?.code).toBe('NOT_FOUND');
      const move = await outsider.client.error(TRANSITION, {
        input: { recommendationId: rec.id, toState: 'ACCEPTED' },
      });
      expect(move.extensions?.code).toBe('NOT_FOUND');
      // Members see it; nothing at all answers null too.
      expect((await member.client.data<{ recommendation: Rec }>(BY_ID, { id: rec.id })).recommendation.id).toBe(rec.id);
      const missing = await admin.client.data<{ recommendation: Rec | null }>(BY_ID, {
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect(missing.recommendation).toBeNull();
      const missingNumber = await admin.client.data<{ recommendationByIdentifier: unknown }>(BY_IDENTIFIER, {
        identifier: 'KOR-99999',
      });
      expect(missingNumber.recommendationByIdentifier).toBeNull();
    });
  });

  describe('bad input', () => {
    it('names the field at fault and writes nothing', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Target' });
      const cases: Array<[string, Promise<{ extensions?: { code?: string; field?: string } }>]> = [
        ['input.title', admin.client.error(CREATE, { input: { teamKey: 'KOR', title: 'x'.repeat(301) } })],
        ['input.title', admin.client.error(UPDATE, { id: rec.id, input: { title: 'x'.repeat(301) } })],
        ['input.title', admin.client.error(UPDATE, { id: rec.id, input: { title: '   ' } })],
        ['id', admin.client.error(UPDATE, { id: 'not-a-uuid', input: { title: 'ok' } })],
        ['id', admin.client.error(BY_ID, { id: 'KOR-1' })],
        ['input.ownerId', admin.client.error(UPDATE, { id: rec.id, input: { ownerId: 'nope' } })],
        [
          'input.recommendationId',
          admin.client.error(TRANSITION, { input: { recommendationId: 'x', toState: 'ACCEPTED' } }),
        ],
        ['identifier', admin.client.error(BY_IDENTIFIER, { identifier: 'not an identifier' })],
        ['after', admin.client.error(ACTIVITY, { id: rec.id, after: 'bm90LWEtY3Vyc29y' })],
      ];
      for (const [field, pending] of cases) {
        expect({ field, extensions: (await pending).extensions }).toEqual({
          field,
          extensions: { code: 'BAD_USER_INPUT', field },
        });
      }
      const { recommendation } = await admin.client.data<{ recommendation: Rec }>(BY_ID, { id: rec.id });
      expect(recommendation).toMatchObject({ title: 'Target', version: 1 });
    });

    it('refuses a cursor that was tampered with', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Cursor' });
      await update(admin.client, rec.id, { title: 'Cursor 2' });
      const page = await activity(admin.client, rec.id, 1);
      const cursor = page.pageInfo.endCursor!;
      const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
      const tampered = Buffer.from(decoded.replace(/"$/, '').replace(/.$/, 'z') + '"').toString('base64url');
      const error = await admin.client.error(ACTIVITY, { id: rec.id, first: 1, after: tampered });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const tooMany = await admin.client.error(ACTIVITY, { id: rec.id, first: 101 });
      expect(tooMany.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('activity pagination', () => {
    it('walks the whole history in order by keyset cursors', async () => {
      const rec = await create(admin.client, { teamKey: 'KOR', title: 'Paged' });
      for (let i = 1; i <= 6; i++) await update(admin.client, rec.id, { title: `Paged ${i}` });

      const all = await activity(admin.client, rec.id);
      expect(all.totalCount).toBe(7);
      expect(all.nodes.map((n) => n.kind)).toEqual(['CREATED', ...Array(6).fill('UPDATED')]);
      expect(all.nodes.map((n) => n.changes[0]?.to ?? null)).toEqual([
        null,
        'Paged 1',
        'Paged 2',
        'Paged 3',
        'Paged 4',
        'Paged 5',
        'Paged 6',
      ]);
      expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await activity(admin.client, rec.id, 3, after);
        pages++;
        expect(page.totalCount).toBe(7);
        expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
        expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
        seen.push(...page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(all.nodes.map((n) => n.id));
    });

    it('loads several recommendations’ pages in one batch, each its own', async () => {
      const one = await create(admin.client, { teamKey: 'KOR', title: 'Batch one' });
      const two = await create(admin.client, { teamKey: 'KOR', title: 'Batch two' });
      await update(admin.client, one.id, { title: 'Batch one, again' });
      await update(admin.client, two.id, { priority: 'LOW' });
      await update(admin.client, two.id, { priority: 'HIGH' });
      const twoPage = await activity(admin.client, two.id, 2);

      const page = `totalCount pageInfo { hasNextPage } nodes { kind recommendation { id } changes { field to } }`;
      const result = await admin.client.data<Record<string, { activity: ActivityConnection }>>(
        `query($one: ID!, $two: ID!, $after: String) {
          a: recommendation(id: $one) { activity(first: 5) { ${page} } }
          b: recommendation(id: $two) { activity(first: 1) { ${page} } }
          c: recommendation(id: $two) { activity(first: 5, after: $after) { ${page} } }
        }`,
        { one: one.id, two: two.id, after: twoPage.pageInfo.endCursor },
      );
      expect(result['a']!.activity).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
      expect(result['a']!.activity.nodes.map((n) => [n.kind, n.recommendation.id])).toEqual([
        ['CREATED', one.id],
        ['UPDATED', one.id],
      ]);
      expect(result['b']!.activity).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(result['b']!.activity.nodes.map((n) => n.kind)).toEqual(['CREATED']);
      expect(result['c']!.activity.nodes).toEqual([
        { kind: 'UPDATED', recommendation: { id: two.id }, changes: [{ field: 'priority', to: 'HIGH' }] },
      ]);
    });
  });

  describe('workflow', () => {
    const customWorkflow = {
      states: [
        { key: 'PROPOSED', name: 'Proposed', category: 'UNSTARTED' },
        { key: 'IN_REVIEW', name: 'In review', category: 'STARTED' },
        { key: 'DONE', name: 'Done', category: 'COMPLETED' },
      ],
      transitions: [
        { from: 'PROPOSED', to: 'IN_REVIEW', allowedRoles: ['ADMIN', 'MEMBER'] },
        { from: 'IN_REVIEW', to: 'DONE', allowedRoles: ['ADMIN'], requiresComment: true },
      ],
      initialState: 'PROPOSED',
    };

    it('gives a new team the default workflow', async () => {
      const { team } = await member.client.data<{
        team: { workflow: { states: { key: string }[]; initialState: { key: string }; transitions: unknown[] } };
      }>(TEAM_WORKFLOW, { key: 'KOR' });
      expect(team.workflow.states.map((s) => s.key)).toEqual([
        'PROPOSED',
        'ACCEPTED',
        'IN_PROGRESS',
        'BLOCKED',
        'IMPLEMENTED',
        'DEFERRED',
        'REJECTED',
      ]);
      expect(team.workflow.initialState.key).toBe('PROPOSED');
      expect(team.workflow.transitions).toHaveLength(10);
      expect(team.workflow.transitions[4]).toEqual({
        from: 'ACCEPTED',
        to: 'IN_PROGRESS',
        allowedRoles: ['ADMIN', 'MANAGER'],
        allowOwner: true,
        requiresComment: false,
        requiresActionItemsDone: false,
      });
    });

    it('is for ADMINs only, and hidden from outsiders', async () => {
      await newTeam('WFA');
      const asManager = await manager.client.error(UPDATE_WORKFLOW, { teamKey: 'WFA', input: customWorkflow });
      expect(asManager.extensions?.code).toBe('FORBIDDEN');
      const asOutsider = await outsider.client.error(UPDATE_WORKFLOW, { teamKey: 'WFA', input: customWorkflow });
      expect(asOutsider.extensions?.code).toBe('NOT_FOUND');
    });

    it('refuses transitions naming unknown states and dropping states in use; keeps the old workflow', async () => {
      await newTeam('WFB');
      const unknown = await admin.client.error(UPDATE_WORKFLOW, {
        teamKey: 'WFB',
        input: {
          ...customWorkflow,
          transitions: [...customWorkflow.transitions, { from: 'DONE', to: 'ARCHIVED', allowedRoles: ['ADMIN'] }],
        },
      });
      expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.transitions[2].to' });

      const rec = await create(admin.client, { teamKey: 'WFB', title: 'Sits in ACCEPTED' });
      await transition(admin.client, { recommendationId: rec.id, toState: 'ACCEPTED' });
      const dropping = await admin.client.error(UPDATE_WORKFLOW, { teamKey: 'WFB', input: customWorkflow });
      expect(dropping.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.states' });
      expect(dropping.message).toContain('ACCEPTED');

      const { team } = await admin.client.data<{ team: { workflow: { states: unknown[] } } }>(TEAM_WORKFLOW, {
        key: 'WFB',
      });
      expect(team.workflow.states).toHaveLength(7);
    });

    it('replaces the workflow, and recommendations then move by the new one', async () => {
      await newTeam('WFC');
      const { updateWorkflow } = await admin.client.data<{
        updateWorkflow: { states: { key: string }[]; initialState: { key: string }; transitions: unknown[] };
      }>(UPDATE_WORKFLOW, { teamKey: 'WFC', input: customWorkflow });
      expect(updateWorkflow.states.map((s) => s.key)).toEqual(['PROPOSED', 'IN_REVIEW', 'DONE']);
      expect(updateWorkflow.transitions[0]).toEqual({
        from: 'PROPOSED',
        to: 'IN_REVIEW',
        allowedRoles: ['ADMIN', 'MEMBER'],
        allowOwner: false,
        requiresComment: false,
        requiresActionItemsDone: false,
      });

      const rec = await create(member.client, { teamKey: 'WFC', title: 'Custom flow' });
      expect(rec.state.key).toBe('PROPOSED');
      const reviewing = await transition(member.client, { recommendationId: rec.id, toState: 'IN_REVIEW' });
      expect(reviewing.state).toEqual({ key: 'IN_REVIEW', name: 'In review', category: 'STARTED' });
      const old = await admin.client.error(TRANSITION, { input: { recommendationId: rec.id, toState: 'IMPLEMENTED' } });
      expect(old.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toState' });
      const done = await transition(admin.client, { recommendationId: rec.id, toState: 'DONE', comment: 'ok' });
      expect(done.completedAt).not.toBeNull();

      // IN_REVIEW is empty again, PROPOSED and DONE are in use: dropping IN_REVIEW is allowed, DONE is not.
      const withoutReview = {
        states: customWorkflow.states.filter((s) => s.key !== 'IN_REVIEW'),
        transitions: [{ from: 'PROPOSED', to: 'DONE', allowedRoles: ['ADMIN'] }],
        initialState: 'PROPOSED',
      };
      await expect(admin.client.data(UPDATE_WORKFLOW, { teamKey: 'WFC', input: withoutReview })).resolves.toBeTruthy();
    });
  });
});
