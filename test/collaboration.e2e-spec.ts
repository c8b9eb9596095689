import type { GraphqlClient } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';
import { CREATE_TEAM, createTeamWithCast, type Person, signUpPerson } from './support/team-cast';

const CREATE = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRecommendationInput!) {
  updateRecommendation(id: $id, input: $input) { id title } }`;
const TRANSITION = `mutation($input: TransitionInput!) { transitionRecommendation(input: $input) { id state { key } } }`;

const STAKEHOLDERS = `stakeholders { user { id email } role addedAt }`;
const ADD_STAKEHOLDER = `mutation($input: StakeholderInput!) { addStakeholder(input: $input) { id version ${STAKEHOLDERS} } }`;
const REMOVE_STAKEHOLDER = `mutation($recommendationId: ID!, $userId: ID!) {
  removeStakeholder(recommendationId: $recommendationId, userId: $userId) { id version ${STAKEHOLDERS} } }`;

const ITEM = `id title status dueAt isOverdue completedAt createdAt updatedAt assignee { id } recommendation { id }`;
const CREATE_ITEM = `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { ${ITEM} } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(id: $id, input: $input) { ${ITEM} } }`;
const DELETE_ITEM = `mutation($id: ID!) { deleteActionItem(id: $id) }`;

const COMMENT = `id body createdAt editedAt deletedAt author { id } parent { id body } mentions { id email } recommendation { id }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { ${COMMENT} } }`;
const EDIT_COMMENT = `mutation($id: ID!, $body: String!) { editComment(id: $id, body: $body) { ${COMMENT} } }`;
const DELETE_COMMENT = `mutation($id: ID!) { deleteComment(id: $id) { ${COMMENT} } }`;

const COLLABORATION = `query($id: ID!, $first: Int, $after: String) { recommendation(id: $id) {
  id ${STAKEHOLDERS}
  actionItems { ${ITEM} }
  progress { total done percent }
  commentCount
  comments(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
    nodes { ${COMMENT} } }
  activity { nodes { kind actor { id } changes { field from to } comment { id body author { id } } } } } }`;

interface Item {
  id: string;
  title: string;
  status: string;
  dueAt: string | null;
  isOverdue: boolean;
  completedAt: string | null;
  assignee: { id: string } | null;
  recommendation: { id: string };
}

interface Comment {
  id: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  author: { id: string };
  parent: { id: string; body: string } | null;
  mentions: { id: string; email: string }[];
  recommendation: { id: string };
}

interface Collaboration {
  id: string;
  stakeholders: { user: { id: string; email: string }; role: string; addedAt: string }[];
  actionItems: Item[];
  progress: { total: number; done: number; percent: number };
  commentCount: number;
  comments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: { id: string } }[];
    nodes: Comment[];
  };
  activity: {
    nodes: {
      kind: string;
      actor: { id: string } | null;
      changes: { field: string; from: string | null; to: string | null }[];
      comment: { id: string; body: string; author: { id: string } } | null;
    }[];
  };
}

const PAST = '2020-01-01T00:00:00.000Z';
const FUTURE = '2040-01-01T00:00:00.000Z';
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('stakeholders, action items and comments', () => {
  let api: TestApi;
  let admin: Person;
  let manager: Person;
  let member: Person;
  let otherMember: Person;
  let stakeholder: Person;
  let outsider: Person;

  const person = (email: string): Promise<Person> => signUpPerson(api, email);

  const newTeam = (key: string) => createTeamWithCast(admin.client, key);

  const createRec = async (input: Record<string, unknown> = {}, client = admin.client) =>
    (
      await client.data<{ createRecommendation: { id: string; version: number } }>(CREATE, {
        input: { teamKey: 'COL', title: 'Scale up energy trade', ...input },
      })
    ).createRecommendation;
  const collaboration = async (id: string, client = admin.client, page: { first?: number; after?: string } = {}) =>
    (await client.data<{ recommendation: Collaboration }>(COLLABORATION, { id, ...page })).recommendation;
  const createItem = async (client: GraphqlClient, input: Record<string, unknown>) =>
    (await client.data<{ createActionItem: Item }>(CREATE_ITEM, { input })).createActionItem;
  const updateItem = async (client: GraphqlClient, id: string, input: Record<string, unknown>) =>
    (await client.data<{ updateActionItem: Item }>(UPDATE_ITEM, { id, input })).updateActionItem;
  const addComment = async (client: GraphqlClient, input: Record<string, unknown>) =>
    (await client.data<{ addComment: Comment }>(ADD_COMMENT, { input })).addComment;
  const activityRows = (recommendationId: string) =>
    api.database.query<{ kind: string; changes: unknown; comment_id: string | null; actor_id: string | null }>(
      `SELECT kind, changes, comment_id, actor_id FROM activities WHERE recommendation_id = $1 ORDER BY created_at, id`,
      [recommendationId],
    );
  const count = async (sql: string, params: unknown[]) => (await api.database.query<{ n: number }>(sql, params))[0]!.n;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await person('admin@example.com');
    manager = await person('manager@example.com');
    member = await person('member@example.com');
    otherMember = await person('other@example.com');
    stakeholder = await person('stakeholder@example.com');
    outsider = await person('outsider@example.com');
    await newTeam('COL');
    // The outsider's own team, for ids of another team.
    await outsider.client.data(CREATE_TEAM, { input: { key: 'OTH', name: 'Elsewhere' } });
  });
  afterAll(() => api.close());

  describe('stakeholders', () => {
    it('adds a member, changes their role when added again, removes them, and records each change', async () => {
      const rec = await createRec();
      const add = (role: string) =>
        admin.client.data<{ addStakeholder: Collaboration & { version: number } }>(ADD_STAKEHOLDER, {
          input: { recommendationId: rec.id, userId: member.id, role },
        });

      const added = (await add('CONSULTED')).addStakeholder;
      expect(added.version).toBe(2);
      expect(added.stakeholders).toEqual([
        { user: { id: member.id, email: 'member@example.com' }, role: 'CONSULTED', addedAt: expect.any(String) },
      ]);
      const changed = (await add('RESPONSIBLE')).addStakeholder;
      expect(changed.stakeholders.map((s) => [s.user.id, s.role])).toEqual([[member.id, 'RESPONSIBLE']]);
      expect(changed.version).toBe(3);
      // The same role again changes nothing.
      expect((await add('RESPONSIBLE')).addStakeholder.version).toBe(3);
      await admin.client.data(ADD_STAKEHOLDER, {
        input: { recommendationId: rec.id, userId: stakeholder.id, role: 'INFORMED' },
      });
      expect((await collaboration(rec.id, member.client)).stakeholders.map((s) => [s.user.id, s.role])).toEqual([
        [member.id, 'RESPONSIBLE'],
        [stakeholder.id, 'INFORMED'],
      ]);

      const { removeStakeholder } = await admin.client.data<{ removeStakeholder: Collaboration }>(REMOVE_STAKEHOLDER, {
        recommendationId: rec.id,
        userId: member.id,
      });
      expect(removeStakeholder.stakeholders.map((s) => s.user.id)).toEqual([stakeholder.id]);

      expect((await activityRows(rec.id)).map((row) => [row.kind, row.changes])).toEqual([
        ['CREATED', []],
        [
          'STAKEHOLDER_ADDED',
          [
            { field: 'stakeholder', from: null, to: member.id },
            { field: 'role', from: null, to: 'CONSULTED' },
          ],
        ],
        [
          'STAKEHOLDER_ADDED',
          [
            { field: 'stakeholder', from: member.id, to: member.id },
            { field: 'role', from: 'CONSULTED', to: 'RESPONSIBLE' },
          ],
        ],
        [
          'STAKEHOLDER_ADDED',
          [
            { field: 'stakeholder', from: null, to: stakeholder.id },
            { field: 'role', from: null, to: 'INFORMED' },
          ],
        ],
        [
          'STAKEHOLDER_REMOVED',
          [
            { field: 'stakeholder', from: member.id, to: null },
            { field: 'role', from: 'RESPONSIBLE', to: null },
          ],
        ],
      ]);
    });

    it('refuses a user who is not a team member, naming input.userId, and writes nothing', async () => {
      const rec = await createRec();
      const error = await admin.client.error(ADD_STAKEHOLDER, {
        input: { recommendationId: rec.id, userId: outsider.id, role: 'INFORMED' },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
      const unknown = await admin.client.error(ADD_STAKEHOLDER, {
        input: { recommendationId: rec.id, userId: MISSING, role: 'INFORMED' },
      });
      expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
      expect(await count(`SELECT count(*)::int AS n FROM stakeholders WHERE recommendation_id = $1`, [rec.id])).toBe(0);
      expect((await activityRows(rec.id)).map((row) => row.kind)).toEqual(['CREATED']);
    });

    it('is ASSIGN: managers and the owning MEMBER may, other MEMBERs and STAKEHOLDERs may not', async () => {
      const rec = await createRec({ ownerId: member.id });
      const input = { recommendationId: rec.id, userId: otherMember.id, role: 'CONSULTED' };
      expect((await otherMember.client.error(ADD_STAKEHOLDER, { input })).extensions?.code).toBe('FORBIDDEN');
      expect((await stakeholder.client.error(ADD_STAKEHOLDER, { input })).extensions?.code).toBe('FORBIDDEN');
      await member.client.data(ADD_STAKEHOLDER, { input });
      await manager.client.data(REMOVE_STAKEHOLDER, { recommendationId: rec.id, userId: otherMember.id });
      const refused = await otherMember.client.error(REMOVE_STAKEHOLDER, {
        recommendationId: rec.id,
        userId: member.id,
      });
      expect(refused.extensions?.code).toBe('FORBIDDEN');
    });

    it('lets a MEMBER who is RESPONSIBLE edit the title; a plain or CONSULTED MEMBER may not', async () => {
      const rec = await createRec();
      const plain = await member.client.error(UPDATE, { id: rec.id, input: { title: 'Plain member' } });
      expect(plain.extensions?.code).toBe('FORBIDDEN');

      await admin.client.data(ADD_STAKEHOLDER, {
        input: { recommendationId: rec.id, userId: member.id, role: 'CONSULTED' },
      });
      const consulted = await member.client.error(UPDATE, { id: rec.id, input: { title: 'Consulted' } });
      expect(consulted.extensions?.code).toBe('FORBIDDEN');

      await admin.client.data(ADD_STAKEHOLDER, {
        input: { recommendationId: rec.id, userId: member.id, role: 'RESPONSIBLE' },
      });
      const edited = await member.client.data<{ updateRecommendation: { title: string } }>(UPDATE, {
        id: rec.id,
        input: { title: 'Responsible edits' },
      });
      expect(edited.updateRecommendation.title).toBe('Responsible edits');
      // RESPONSIBLE edits; it does not assign (ASSIGN is the owner's).
      const assign = await member.client.error(UPDATE, { id: rec.id, input: { dueAt: FUTURE } });
      expect(assign.extensions?.code).toBe('FORBIDDEN');
      const otherStill = await otherMember.client.error(UPDATE, { id: rec.id, input: { title: 'Not me' } });
      expect(otherStill.extensions?.code).toBe('FORBIDDEN');

      await admin.client.data(REMOVE_STAKEHOLDER, { recommendationId: rec.id, userId: member.id });
      const removed = await member.client.error(UPDATE, { id: rec.id, input: { title: 'No longer' } });
      expect(removed.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('action items', () => {
    it('creates, edits and deletes items in order, with ACTION_ITEM_ADDED and ACTION_ITEM_UPDATED activity', async () => {
      const rec = await createRec({ ownerId: member.id });
      // The owning MEMBER may manage items.
      const first = await createItem(member.client, {
        recommendationId: rec.id,
        title: '  Draft the MOU ',
        assigneeId: otherMember.id,
        dueAt: FUTURE,
      });
      expect(first).toMatchObject({
        title: 'Draft the MOU',
        status: 'TODO',
        dueAt: FUTURE,
        isOverdue: false,
        completedAt: null,
        assignee: { id: otherMember.id },
        recommendation: { id: rec.id },
      });
      const second = await createItem(manager.client, { recommendationId: rec.id, title: 'Sign it' });
      const third = await createItem(admin.client, { recommendationId: rec.id, title: 'Announce it' });

      const edited = await updateItem(member.client, second.id, {
        title: 'Sign the MOU',
        assigneeId: member.id,
        dueAt: PAST,
      });
      expect(edited).toMatchObject({
        title: 'Sign the MOU',
        assignee: { id: member.id },
        dueAt: PAST,
        isOverdue: true,
      });
      const cleared = await updateItem(member.client, second.id, { assigneeId: null, dueAt: null });
      expect(cleared).toMatchObject({ title: 'Sign the MOU', assignee: null, dueAt: null, isOverdue: false });

      const { deleteActionItem } = await member.client.data<{ deleteActionItem: boolean }>(DELETE_ITEM, {
        id: third.id,
      });
      expect(deleteActionItem).toBe(true);
      expect((await collaboration(rec.id)).actionItems.map((item) => item.id)).toEqual([first.id, second.id]);

      expect((await activityRows(rec.id)).map((row) => [row.kind, row.changes])).toEqual([
        ['CREATED', []],
        [
          'ACTION_ITEM_ADDED',
          [
            { field: 'actionItem', from: null, to: first.id },
            { field: 'title', from: null, to: 'Draft the MOU' },
            { field: 'status', from: null, to: 'TODO' },
            { field: 'assignee', from: null, to: otherMember.id },
            { field: 'dueAt', from: null, to: FUTURE },
          ],
        ],
        [
          'ACTION_ITEM_ADDED',
          [
            { field: 'actionItem', from: null, to: second.id },
            { field: 'title', from: null, to: 'Sign it' },
            { field: 'status', from: null, to: 'TODO' },
          ],
        ],
        [
          'ACTION_ITEM_ADDED',
          [
            { field: 'actionItem', from: null, to: third.id },
            { field: 'title', from: null, to: 'Announce it' },
            { field: 'status', from: null, to: 'TODO' },
          ],
        ],
        [
          'ACTION_ITEM_UPDATED',
          [
            { field: 'actionItem', from: second.id, to: second.id },
            { field: 'title', from: 'Sign it', to: 'Sign the MOU' },
            { field: 'assignee', from: null, to: member.id },
            { field: 'dueAt', from: null, to: PAST },
          ],
        ],
        [
          'ACTION_ITEM_UPDATED',
          [
            { field: 'actionItem', from: second.id, to: second.id },
            { field: 'assignee', from: member.id, to: null },
            { field: 'dueAt', from: PAST, to: null },
          ],
        ],
        [
          'ACTION_ITEM_UPDATED',
          [
            { field: 'actionItem', from: third.id, to: null },
            { field: 'title', from: 'Announce it', to: null },
            { field: 'status', from: 'TODO', to: null },
          ],
        ],
      ]);
    });

    it('refuses an assignee from outside the team and bad titles, naming the field, and writes nothing', async () => {
      const rec = await createRec();
      const cases: Array<[string, Record<string, unknown>]> = [
        ['input.assigneeId', { recommendationId: rec.id, title: 'X', assigneeId: outsider.id }],
        ['input.assigneeId', { recommendationId: rec.id, title: 'X', assigneeId: 'nope' }],
        ['input.title', { recommendationId: rec.id, title: 'x'.repeat(301) }],
        ['input.title', { recommendationId: rec.id, title: '   ' }],
        ['input.recommendationId', { recommendationId: 'KOR-1', title: 'X' }],
      ];
      for (const [field, input] of cases) {
        const error = await admin.client.error(CREATE_ITEM, { input });
        expect({ field, extensions: error.extensions }).toEqual({
          field,
          extensions: { code: 'BAD_USER_INPUT', field },
        });
      }
      const item = await createItem(admin.client, { recommendationId: rec.id, title: 'Kept' });
      const foreign = await admin.client.error(UPDATE_ITEM, { id: item.id, input: { assigneeId: outsider.id } });
      expect(foreign.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeId' });
      expect((await collaboration(rec.id)).actionItems).toEqual([
        expect.objectContaining({ title: 'Kept', assignee: null }),
      ]);
      expect((await activityRows(rec.id)).map((row) => row.kind)).toEqual(['CREATED', 'ACTION_ITEM_ADDED']);
    });

    it('lets the assignee set the status but not the title; other MEMBERs and STAKEHOLDERs neither', async () => {
      const rec = await createRec();
      const item = await createItem(admin.client, {
        recommendationId: rec.id,
        title: 'Assigned',
        assigneeId: member.id,
      });

      const title = await member.client.error(UPDATE_ITEM, { id: item.id, input: { title: 'Renamed' } });
      expect(title.extensions?.code).toBe('FORBIDDEN');
      const statusAndTitle = await member.client.error(UPDATE_ITEM, {
        id: item.id,
        input: { status: 'DONE', title: 'Renamed' },
      });
      expect(statusAndTitle.extensions?.code).toBe('FORBIDDEN');
      for (const who of [otherMember, stakeholder]) {
        const error = await who.client.error(UPDATE_ITEM, { id: item.id, input: { status: 'DONE' } });
        expect(error.extensions?.code).toBe('FORBIDDEN');
      }
      expect((await member.client.error(DELETE_ITEM, { id: item.id })).extensions?.code).toBe('FORBIDDEN');

      const started = await updateItem(member.client, item.id, { status: 'IN_PROGRESS' });
      expect(started).toMatchObject({ status: 'IN_PROGRESS', completedAt: null, title: 'Assigned' });
      const before = Date.now();
      // Resending the title unchanged is still only a status change.
      const done = await updateItem(member.client, item.id, { status: 'DONE', title: 'Assigned' });
      expect(done.status).toBe('DONE');
      expect(Date.parse(done.completedAt!)).toBeGreaterThanOrEqual(before - 1000);
      const reopened = await updateItem(member.client, item.id, { status: 'TODO' });
      expect(reopened).toMatchObject({ status: 'TODO', completedAt: null });

      const rows = await activityRows(rec.id);
      expect(rows.slice(2).map((row) => [row.kind, row.actor_id, row.changes])).toEqual([
        [
          'ACTION_ITEM_UPDATED',
          member.id,
          [
            { field: 'actionItem', from: item.id, to: item.id },
            { field: 'status', from: 'TODO', to: 'IN_PROGRESS' },
          ],
        ],
        [
          'ACTION_ITEM_UPDATED',
          member.id,
          [
            { field: 'actionItem', from: item.id, to: item.id },
            { field: 'status', from: 'IN_PROGRESS', to: 'DONE' },
          ],
        ],
        [
          'ACTION_ITEM_UPDATED',
          member.id,
          [
            { field: 'actionItem', from: item.id, to: item.id },
            { field: 'status', from: 'DONE', to: 'TODO' },
          ],
        ],
      ]);
    });

    it('counts progress over the items that are not CANCELED, and marks open items past due as overdue', async () => {
      const rec = await createRec();
      const empty = await createRec();
      const make = async (title: string, status: string, dueAt: string | null) => {
        const item = await createItem(admin.client, { recommendationId: rec.id, title, dueAt });
        return status === 'TODO' ? item : updateItem(admin.client, item.id, { status });
      };
      await make('Done late', 'DONE', PAST);
      await make('Open late', 'TODO', PAST);
      await make('Working late', 'IN_PROGRESS', PAST);
      await make('Dropped', 'CANCELED', PAST);
      await make('Open in time', 'TODO', FUTURE);

      const result = await admin.client.data<Record<string, Collaboration>>(
        `query($one: ID!, $two: ID!) {
          a: recommendation(id: $one) { progress { total done percent } actionItems { title isOverdue status } }
          b: recommendation(id: $two) { progress { total done percent } actionItems { title } }
        }`,
        { one: rec.id, two: empty.id },
      );
      expect(result['a']!.progress).toEqual({ total: 4, done: 1, percent: 25 });
      expect(result['a']!.actionItems.map((item) => [item.title, item.isOverdue])).toEqual([
        ['Done late', false],
        ['Open late', true],
        ['Working late', true],
        ['Dropped', false],
        ['Open in time', false],
      ]);
      expect(result['b']!).toEqual({ progress: { total: 0, done: 0, percent: 0 }, actionItems: [] });

      const third = await createRec();
      const items = [];
      for (const title of ['One', 'Two', 'Three']) {
        items.push(await createItem(admin.client, { recommendationId: third.id, title }));
      }
      await updateItem(admin.client, items[0]!.id, { status: 'DONE' });
      expect((await collaboration(third.id)).progress).toEqual({ total: 3, done: 1, percent: 33.33 });
    });

    it("lists the items of the caller's teams by filter, oldest first, in keyset pages", async () => {
      await newTeam('LST');
      const rec = (
        await admin.client.data<{ createRecommendation: { id: string } }>(CREATE, {
          input: { teamKey: 'LST', title: 'Listed' },
        })
      ).createRecommendation;
      const mine = await createItem(admin.client, {
        recommendationId: rec.id,
        title: 'Mine, late',
        assigneeId: member.id,
        dueAt: PAST,
      });
      const done = await createItem(admin.client, {
        recommendationId: rec.id,
        title: 'Mine, done',
        assigneeId: member.id,
        dueAt: PAST,
      });
      await updateItem(admin.client, done.id, { status: 'DONE' });
      const theirs = await createItem(admin.client, {
        recommendationId: rec.id,
        title: 'Theirs',
        assigneeId: otherMember.id,
      });
      // The outsider's own team's item never shows in anyone else's list.
      const elsewhere = (
        await outsider.client.data<{ createRecommendation: { id: string } }>(CREATE, {
          input: { teamKey: 'OTH', title: 'Not listed' },
        })
      ).createRecommendation;
      await createItem(outsider.client, { recommendationId: elsewhere.id, title: 'Hidden', assigneeId: outsider.id });

      const LIST = `query($filter: ActionItemFilter, $first: Int, $after: String) { actionItems(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id title isOverdue } } }`;
      type Page = {
        actionItems: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Item[] };
      };
      const list = async (client: GraphqlClient, filter: Record<string, unknown>, first?: number, after?: string) =>
        (await client.data<Page>(LIST, { filter, ...(first ? { first } : {}), ...(after ? { after } : {}) }))
          .actionItems;

      expect((await list(member.client, { teamKey: 'LST' })).nodes.map((n) => n.id)).toEqual([
        mine.id,
        done.id,
        theirs.id,
      ]);
      expect((await list(member.client, { teamKey: 'LST', assigneeId: member.id })).nodes.map((n) => n.title)).toEqual([
        'Mine, late',
        'Mine, done',
      ]);
      expect((await list(member.client, { teamKey: 'LST', overdue: true })).nodes).toEqual([
        { id: mine.id, title: 'Mine, late', isOverdue: true },
      ]);
      expect(
        (await list(member.client, { recommendationId: rec.id, statuses: ['DONE'] })).nodes.map((n) => n.id),
      ).toEqual([done.id]);
      const hidden = await list(outsider.client, { recommendationId: rec.id });
      expect(hidden).toMatchObject({ totalCount: 0, nodes: [] });

      const firstPage = await list(member.client, { teamKey: 'LST' }, 2);
      expect(firstPage).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const secondPage = await list(member.client, { teamKey: 'LST' }, 2, firstPage.pageInfo.endCursor);
      expect(secondPage.nodes.map((n) => n.id)).toEqual([theirs.id]);
      expect(secondPage.pageInfo.hasNextPage).toBe(false);

      const notTheirs = await outsider.client.error(LIST, { filter: { teamKey: 'LST' } });
      expect(notTheirs.extensions?.code).toBe('NOT_FOUND');
      const badAssignee = await member.client.error(LIST, { filter: { assigneeId: 'me' } });
      expect(badAssignee.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.assigneeId' });
    });

    it('holds IMPLEMENTED back while any item is TODO or IN_PROGRESS', async () => {
      const rec = await createRec();
      await admin.client.data(TRANSITION, { input: { recommendationId: rec.id, toState: 'ACCEPTED' } });
      await admin.client.data(TRANSITION, { input: { recommendationId: rec.id, toState: 'IN_PROGRESS' } });
      const todo = await createItem(admin.client, { recommendationId: rec.id, title: 'Still to do' });
      const doing = await createItem(admin.client, { recommendationId: rec.id, title: 'Under way' });
      await updateItem(admin.client, doing.id, { status: 'IN_PROGRESS' });
      const implement = { input: { recommendationId: rec.id, toState: 'IMPLEMENTED', comment: 'Shipped' } };

      const twoOpen = await admin.client.error(TRANSITION, implement);
      expect(twoOpen.extensions?.code).toBe('INVALID_TRANSITION');
      expect(twoOpen.message).toContain('2 action items are still open');
      await updateItem(admin.client, todo.id, { status: 'CANCELED' });
      const oneOpen = await admin.client.error(TRANSITION, implement);
      expect(oneOpen.message).toContain('1 action item is still open');
      // Nothing of the refused moves was written: no state change, no comment.
      expect(await count(`SELECT count(*)::int AS n FROM comments WHERE recommendation_id = $1`, [rec.id])).toBe(0);

      await updateItem(admin.client, doing.id, { status: 'DONE' });
      const done = await admin.client.data<{ transitionRecommendation: { state: { key: string } } }>(
        TRANSITION,
        implement,
      );
      expect(done.transitionRecommendation.state.key).toBe('IMPLEMENTED');
    });
  });

  describe('comments', () => {
    it('threads replies, resolves @email mentions to team members, and records COMMENT_ADDED', async () => {
      const rec = await createRec();
      const top = await addComment(member.client, {
        recommendationId: rec.id,
        body: 'Over to @Other@example.com and @manager@example.com; not @outsider@example.com or @ghost@example.com.',
      });
      expect(top).toMatchObject({
        author: { id: member.id },
        parent: null,
        editedAt: null,
        deletedAt: null,
        recommendation: { id: rec.id },
      });
      expect(top.mentions).toEqual([
        { id: otherMember.id, email: 'other@example.com' },
        { id: manager.id, email: 'manager@example.com' },
      ]);
      const reply = await addComment(stakeholder.client, { recommendationId: rec.id, body: 'Noted', parentId: top.id });
      expect(reply).toMatchObject({ parent: { id: top.id }, author: { id: stakeholder.id }, mentions: [] });
      const nested = await addComment(otherMember.client, {
        recommendationId: rec.id,
        body: 'Me too',
        parentId: reply.id,
      });
      const second = await addComment(admin.client, { recommendationId: rec.id, body: 'A new thread' });

      const view = await collaboration(rec.id, stakeholder.client);
      expect(view.comments.nodes.map((c) => [c.id, c.parent?.id ?? null])).toEqual([
        [top.id, null],
        [reply.id, top.id],
        [nested.id, reply.id],
        [second.id, null],
      ]);
      expect(view.commentCount).toBe(4);
      expect(view.comments.totalCount).toBe(4);
      const added = view.activity.nodes.filter((n) => n.kind === 'COMMENT_ADDED');
      expect(added.map((n) => [n.actor?.id, n.comment?.id, n.changes])).toEqual([
        [member.id, top.id, []],
        [stakeholder.id, reply.id, []],
        [otherMember.id, nested.id, []],
        [admin.id, second.id, []],
      ]);
      expect(await count(`SELECT count(*)::int AS n FROM comment_mentions WHERE comment_id = $1`, [top.id])).toBe(2);
    });

    it('lets only the author edit: editedAt is set and mentions are resolved again', async () => {
      const rec = await createRec();
      const comment = await addComment(member.client, { recommendationId: rec.id, body: 'cc @other@example.com' });
      for (const who of [admin, manager, otherMember]) {
        const error = await who.client.error(EDIT_COMMENT, { id: comment.id, body: 'Not yours' });
        expect(error.extensions?.code).toBe('FORBIDDEN');
      }
      const { editComment } = await member.client.data<{ editComment: Comment }>(EDIT_COMMENT, {
        id: comment.id,
        body: 'cc @manager@example.com instead',
      });
      expect(editComment).toMatchObject({ body: 'cc @manager@example.com instead', mentions: [{ id: manager.id }] });
      expect(editComment.editedAt).not.toBeNull();
      expect(Date.parse(editComment.editedAt!)).toBeGreaterThanOrEqual(Date.parse(comment.createdAt));
      const listed = (await collaboration(rec.id)).comments.nodes[0]!;
      expect(listed).toMatchObject({ body: 'cc @manager@example.com instead', editedAt: editComment.editedAt });
    });

    it('deletes softly: the author or a MANAGER may, another MEMBER may not; deleted ones stay listed but not counted', async () => {
      const rec = await createRec();
      const own = await addComment(member.client, {
        recommendationId: rec.id,
        body: 'I take this back @other@example.com',
      });
      const others = await addComment(otherMember.client, { recommendationId: rec.id, body: 'Off topic' });
      const kept = await addComment(stakeholder.client, { recommendationId: rec.id, body: 'Stays', parentId: own.id });

      const refused = await member.client.error(DELETE_COMMENT, { id: others.id });
      expect(refused.extensions?.code).toBe('FORBIDDEN');
      const byStakeholder = await stakeholder.client.error(DELETE_COMMENT, { id: others.id });
      expect(byStakeholder.extensions?.code).toBe('FORBIDDEN');

      const { deleteComment } = await member.client.data<{ deleteComment: Comment }>(DELETE_COMMENT, { id: own.id });
      expect(deleteComment).toMatchObject({ id: own.id, body: '', mentions: [] });
      expect(deleteComment.deletedAt).not.toBeNull();
      const byManager = await manager.client.data<{ deleteComment: Comment }>(DELETE_COMMENT, { id: others.id });
      expect(byManager.deleteComment).toMatchObject({ body: '', author: { id: otherMember.id } });

      const view = await collaboration(rec.id, otherMember.client);
      expect(view.commentCount).toBe(1);
      expect(view.comments.totalCount).toBe(3);
      expect(view.comments.nodes.map((c) => [c.id, c.body, c.deletedAt !== null])).toEqual([
        [own.id, '', true],
        [others.id, '', true],
        [kept.id, 'Stays', false],
      ]);
      expect(view.comments.nodes[2]!.parent).toEqual({ id: own.id, body: '' });
      // The words are gone from the database too, not just hidden.
      const [row] = await api.database.query<{ body: string }>(`SELECT body FROM comments WHERE id = $1`, [own.id]);
      expect(row!.body).toBe('');
      const edit = await member.client.error(EDIT_COMMENT, { id: own.id, body: 'Back again' });
      expect(edit.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses an overlong or empty body and a parent from another recommendation, naming the field', async () => {
      const rec = await createRec();
      const elsewhere = await createRec();
      const foreignParent = await addComment(admin.client, { recommendationId: elsewhere.id, body: 'Elsewhere' });
      const mine = await addComment(admin.client, { recommendationId: rec.id, body: 'Mine' });
      const cases: Array<[string, Promise<{ extensions?: { code?: string; field?: string } }>]> = [
        [
          'input.body',
          admin.client.error(ADD_COMMENT, { input: { recommendationId: rec.id, body: 'x'.repeat(20_001) } }),
        ],
        ['input.body', admin.client.error(ADD_COMMENT, { input: { recommendationId: rec.id, body: '' } })],
        ['input.body', admin.client.error(ADD_COMMENT, { input: { recommendationId: rec.id, body: '  \n ' } })],
        [
          'input.parentId',
          admin.client.error(ADD_COMMENT, {
            input: { recommendationId: rec.id, body: 'Hi', parentId: foreignParent.id },
          }),
        ],
        [
          'input.parentId',
          admin.client.error(ADD_COMMENT, { input: { recommendationId: rec.id, body: 'Hi', parentId: MISSING } }),
        ],
        ['body', admin.client.error(EDIT_COMMENT, { id: mine.id, body: 'x'.repeat(20_001) })],
        ['id', admin.client.error(EDIT_COMMENT, { id: 'nope', body: 'Hi' })],
      ];
      for (const [field, pending] of cases) {
        expect({ field, extensions: (await pending).extensions }).toEqual({
          field,
          extensions: { code: 'BAD_USER_INPUT', field },
        });
      }
      const exactly = await addComment(admin.client, { recommendationId: rec.id, body: 'y'.repeat(20_000) });
      expect(exactly.body).toHaveLength(20_000);
      expect(await count(`SELECT count(*)::int AS n FROM comments WHERE recommendation_id = $1`, [rec.id])).toBe(2);
      expect((await activityRows(rec.id)).map((row) => row.kind)).toEqual([
        'CREATED',
        'COMMENT_ADDED',
        'COMMENT_ADDED',
      ]);
    });

    it('pages through comments oldest first by keyset cursors', async () => {
      const rec = await createRec();
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++)
        ids.push((await addComment(admin.client, { recommendationId: rec.id, body: `#${i}` })).id);
      const seen: string[] = [];
      let after: string | undefined;
      for (let pages = 1; ; pages++) {
        const { comments } = await collaboration(rec.id, admin.client, { first: 2, ...(after ? { after } : {}) });
        expect(comments.totalCount).toBe(5);
        expect(comments.pageInfo.hasPreviousPage).toBe(after !== undefined);
        seen.push(...comments.edges.map((edge) => edge.node.id));
        if (!comments.pageInfo.hasNextPage) {
          expect(pages).toBe(3);
          break;
        }
        after = comments.pageInfo.endCursor!;
      }
      expect(seen).toEqual(ids);
      const tooMany = await admin.client.error(COLLABORATION, { id: rec.id, first: 101 });
      expect(tooMany.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it("stores a transition's comment as a comment, carried by its STATE_CHANGED activity", async () => {
      const rec = await createRec();
      await admin.client.data(TRANSITION, {
        input: { recommendationId: rec.id, toState: 'REJECTED', comment: 'Out of scope, ask @member@example.com' },
      });
      // A transition that needs no comment stores none when given a blank one.
      const other = await createRec();
      await admin.client.data(TRANSITION, {
        input: { recommendationId: other.id, toState: 'ACCEPTED', comment: '  ' },
      });

      const view = await collaboration(rec.id);
      expect(view.commentCount).toBe(1);
      const [comment] = view.comments.nodes;
      expect(comment).toMatchObject({
        body: 'Out of scope, ask @member@example.com',
        author: { id: admin.id },
        mentions: [{ id: member.id }],
      });
      const change = view.activity.nodes.find((n) => n.kind === 'STATE_CHANGED');
      expect(change).toMatchObject({
        changes: [{ field: 'state', from: 'PROPOSED', to: 'REJECTED' }],
        comment: { id: comment!.id, body: 'Out of scope, ask @member@example.com', author: { id: admin.id } },
      });
      expect((await collaboration(other.id)).commentCount).toBe(0);
      expect((await activityRows(other.id)).map((row) => row.comment_id)).toEqual([null, null]);
    });
  });

  describe("another team's ids", () => {
    it('answer NOT_FOUND to outsiders, and BAD_USER_INPUT where named as a related id', async () => {
      const rec = await createRec();
      const item = await createItem(admin.client, { recommendationId: rec.id, title: 'Private item' });
      const comment = await addComment(admin.client, { recommendationId: rec.id, body: 'Private comment' });
      const theirs = (
        await outsider.client.data<{ createRecommendation: { id: string } }>(CREATE, {
          input: { teamKey: 'OTH', title: 'Theirs' },
        })
      ).createRecommendation;
      const theirComment = await addComment(outsider.client, { recommendationId: theirs.id, body: 'Theirs' });
      const theirItem = await createItem(outsider.client, { recommendationId: theirs.id, title: 'Theirs' });

      const notFound: Array<[string, Promise<{ message: string; extensions?: { code?: string } }>]> = [
        ['createActionItem', outsider.client.error(CREATE_ITEM, { input: { recommendationId: rec.id, title: 'X' } })],
        ['updateActionItem', outsider.client.error(UPDATE_ITEM, { id: item.id, input: { status: 'DONE' } })],
        ['deleteActionItem', outsider.client.error(DELETE_ITEM, { id: item.id })],
        ['addComment', outsider.client.error(ADD_COMMENT, { input: { recommendationId: rec.id, body: 'X' } })],
        ['editComment', outsider.client.error(EDIT_COMMENT, { id: comment.id, body: 'X' })],
        ['deleteComment', outsider.client.error(DELETE_COMMENT, { id: comment.id })],
        [
          'addStakeholder',
          outsider.client.error(ADD_STAKEHOLDER, {
            input: { recommendationId: rec.id, userId: outsider.id, role: 'INFORMED' },
          }),
        ],
        [
          'removeStakeholder',
          outsider.client.error(REMOVE_STAKEHOLDER, { recommendationId: rec.id, userId: admin.id }),
        ],
        // Members of COL asking for OTH's items and comments get the same as for ids of nothing.
        ['their item', admin.client.error(UPDATE_ITEM, { id: theirItem.id, input: { status: 'DONE' } })],
        ['their comment', admin.client.error(DELETE_COMMENT, { id: theirComment.id })],
        ['missing item', admin.client.error(DELETE_ITEM, { id: MISSING })],
        ['missing comment', admin.client.error(EDIT_COMMENT, { id: MISSING, body: 'X' })],
      ];
      for (const [what, pending] of notFound) {
        const error = await pending;
        expect({ what, code: error.extensions?.code }).toEqual({ what, code: 'NOT_FOUND' });
        expect(error.message).not.toMatch(/Private|Theirs|OTH|COL/);
      }
      const foreignParent = await admin.client.error(ADD_COMMENT, {
        input: { recommendationId: rec.id, body: 'Reply', parentId: theirComment.id },
      });
      expect(foreignParent.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });

      // Nothing changed on either side.
      expect((await collaboration(rec.id)).actionItems).toEqual([expect.objectContaining({ status: 'TODO' })]);
      expect((await collaboration(rec.id)).comments.nodes.map((c) => c.body)).toEqual(['Private comment']);
      expect((await collaboration(theirs.id, outsider.client)).comments.nodes.map((c) => c.deletedAt)).toEqual([null]);
      expect(await count(`SELECT count(*)::int AS n FROM stakeholders WHERE recommendation_id = $1`, [rec.id])).toBe(0);
      const hidden = await outsider.client.data<{ recommendation: unknown }>(COLLABORATION, { id: rec.id });
      expect(hidden.recommendation).toBeNull();
    });
  });
});
