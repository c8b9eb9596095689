import type { GraphqlClient, GraphqlResponse } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';

// The contract (shared/contract/README.md, "Permissions, per team" and "Workflow"), transcribed. The
// expectations below come from these tables only, never from the implementation's permission function.

type Role = 'ADMIN' | 'MANAGER' | 'MEMBER' | 'STAKEHOLDER';
/** What lets a MEMBER in where the contract says "owner", "RESPONSIBLE" or "its assignee". */
type Trait = 'owner' | 'RESPONSIBLE' | 'assignee';
type Cell = 'yes' | 'no' | readonly Trait[];

/** "Permissions, per team": one entry per row of the contract's table, one cell per role. */
const PERMISSIONS = {
  /** read the team's recommendations, comments, activity, progress */
  read: { ADMIN: 'yes', MANAGER: 'yes', MEMBER: 'yes', STAKEHOLDER: 'yes' },
  /** comment; edit or delete one's own comment */
  comment: { ADMIN: 'yes', MANAGER: 'yes', MEMBER: 'yes', STAKEHOLDER: 'yes' },
  /** delete another's comment */
  deleteOthersComment: { ADMIN: 'yes', MANAGER: 'yes', MEMBER: 'no', STAKEHOLDER: 'no' },
  /** create and import recommendations */
  create: { ADMIN: 'yes', MANAGER: 'yes', MEMBER: 'yes', STAKEHOLDER: 'no' },
  /** edit title, description, priority, labels; create, edit, delete action items */
  edit: { ADMIN: 'yes', MANAGER: 'yes', MEMBER: ['owner', 'RESPONSIBLE'], STAKEHOLDER: 'no' },
  /** set owner or deadline, add or remove stakeholders, snooze */
  assign: { ADMIN: 'yes', MANAGER: 'yes', MEMBER: ['owner'], STAKEHOLDER: 'no' },
  /** set an action item's status */
  setItemStatus: { ADMIN: 'yes', MANAGER: 'yes', MEMBER: ['owner', 'RESPONSIBLE', 'assignee'], STAKEHOLDER: 'no' },
  /** members, workflow, reminder policy, webhooks */
  manageTeam: { ADMIN: 'yes', MANAGER: 'no', MEMBER: 'no', STAKEHOLDER: 'no' },
} as const satisfies Record<string, Record<Role, Cell>>;

/** "Workflow": the default transitions under test, with who may take them. */
const TRANSITIONS = {
  'PROPOSED→ACCEPTED': { allowedRoles: ['ADMIN', 'MANAGER'], allowOwner: false },
  'ACCEPTED→IN_PROGRESS': { allowedRoles: ['ADMIN', 'MANAGER'], allowOwner: true },
} as const satisfies Record<string, { allowedRoles: readonly Role[]; allowOwner: boolean }>;

type Rule = { permission: keyof typeof PERMISSIONS } | { transition: keyof typeof TRANSITIONS };

const ACTORS = {
  ADMIN: { role: 'ADMIN', traits: [] },
  MANAGER: { role: 'MANAGER', traits: [] },
  MEMBER: { role: 'MEMBER', traits: [] },
  STAKEHOLDER: { role: 'STAKEHOLDER', traits: [] },
  /** A MEMBER who owns the recommendation at hand. */
  OWNER: { role: 'MEMBER', traits: ['owner'] },
  /** A MEMBER who is a RESPONSIBLE stakeholder of the recommendation at hand. */
  RESPONSIBLE: { role: 'MEMBER', traits: ['RESPONSIBLE'] },
  /** A MEMBER assigned the action item at hand. */
  ASSIGNEE: { role: 'MEMBER', traits: ['assignee'] },
  /** A member of another team only. */
  OUTSIDER: { role: null, traits: [] },
} as const satisfies Record<string, { role: Role | null; traits: readonly Trait[] }>;

type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'NOT_FOUND';

/** What the contract says `actor` gets for an operation under `rule`. */
function expectedOutcome(rule: Rule, actorName: ActorName): Outcome {
  const actor: { role: Role | null; traits: readonly Trait[] } = ACTORS[actorName];
  if (actor.role === null) return 'NOT_FOUND';
  if ('transition' in rule) {
    const transition: { allowedRoles: readonly Role[]; allowOwner: boolean } = TRANSITIONS[rule.transition];
    const may =
      transition.allowedRoles.includes(actor.role) || (transition.allowOwner && actor.traits.includes('owner'));
    return may ? 'ALLOWED' : 'FORBIDDEN';
  }
  const cell: Cell = PERMISSIONS[rule.permission][actor.role];
  if (cell === 'yes') return 'ALLOWED';
  if (cell === 'no') return 'FORBIDDEN';
  return cell.some((trait) => actor.traits.includes(trait)) ? 'ALLOWED' : 'FORBIDDEN';
}

// GraphQL documents.

const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { key } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role user { id } } }`;
const UPDATE_MEMBER = `mutation($input: UpdateTeamMemberInput!) { updateTeamMember(input: $input) { role } }`;
const REMOVE_MEMBER = `mutation($teamKey: String!, $userId: ID!) { removeTeamMember(teamKey: $teamKey, userId: $userId) }`;
const WORKFLOW_FIELDS = `states { key name category } initialState { key }
  transitions { from to allowedRoles allowOwner requiresComment requiresActionItemsDone }`;
const TEAM_WORKFLOW = `query($key: String!) { team(key: $key) { workflow { ${WORKFLOW_FIELDS} } } }`;
const UPDATE_WORKFLOW = `mutation($teamKey: String!, $input: WorkflowInput!) {
  updateWorkflow(teamKey: $teamKey, input: $input) { initialState { key } } }`;
const SET_POLICY = `mutation($teamKey: String!, $input: ReminderPolicyInput!) {
  setReminderPolicy(teamKey: $teamKey, input: $input) { remindBefore } }`;
const CREATE_WEBHOOK = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id url } }`;

const REC = `id identifier title description owner { id email name } dueAt snoozedUntil state { key }
  stakeholders { user { id email name } role }`;
const BY_ID = `query($id: ID!) { recommendation(id: $id) { ${REC} } }`;
const BY_IDENTIFIER = `query($identifier: String!) { recommendationByIdentifier(identifier: $identifier) { ${REC} } }`;
const COMMENTS = `query($id: ID!) { recommendation(id: $id) { id comments { totalCount nodes { id body author { email } } } } }`;
const ACTIVITY = `query($id: ID!) { recommendation(id: $id) { id activity { totalCount nodes { kind actor { email } } } } }`;
const PROGRESS = `query($filter: RecommendationFilter) { progressReport(filter: $filter) { total open byOwner { total } } }`;
const LIST = `query { recommendations(first: 100) { totalCount nodes { ${REC} } } }`;
const ITEMS = `query { actionItems(first: 100) { totalCount nodes { id title assignee { email } } } }`;

const CREATE = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) { ${REC} } }`;
const IMPORT = `mutation($input: ImportInput!) { importRecommendations(input: $input) { recommendations { ${REC} } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRecommendationInput!) { updateRecommendation(id: $id, input: $input) { ${REC} } }`;
const TRANSITION = `mutation($input: TransitionInput!) { transitionRecommendation(input: $input) { ${REC} } }`;
const SNOOZE = `mutation($id: ID!, $until: DateTime) { snoozeReminders(recommendationId: $id, until: $until) { ${REC} } }`;
const ADD_STAKEHOLDER = `mutation($input: StakeholderInput!) { addStakeholder(input: $input) { ${REC} } }`;
const REMOVE_STAKEHOLDER = `mutation($recommendationId: ID!, $userId: ID!) {
  removeStakeholder(recommendationId: $recommendationId, userId: $userId) { ${REC} } }`;

const ITEM = `id title status assignee { id email name } recommendation { id title }`;
const CREATE_ITEM = `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { ${ITEM} } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(id: $id, input: $input) { ${ITEM} } }`;
const DELETE_ITEM = `mutation($id: ID!) { deleteActionItem(id: $id) }`;

const COMMENT = `id body author { id email name } parent { id body } recommendation { id title }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { ${COMMENT} } }`;
const EDIT_COMMENT = `mutation($id: ID!, $body: String!) { editComment(id: $id, body: $body) { ${COMMENT} } }`;
const DELETE_COMMENT = `mutation($id: ID!) { deleteComment(id: $id) { ${COMMENT} } }`;

const TEAM = 'PRM';
const OTHER_TEAM = 'OUT';
/** Every title, body, name and email of team PRM holds one of these: no answer to an outsider may. */
const TEAM_A_MARKERS = ['Aleph', 'alpha.example.com'];
const FUTURE = '2040-01-01T00:00:00.000Z';
const DEFAULT_POLICY = {
  remindBefore: ['P7D', 'P1D'],
  remindOnDue: true,
  overdueEvery: 'P1D',
  escalateAfter: 'P3D',
  channels: ['IN_APP', 'EMAIL'],
};

interface Person {
  client: GraphqlClient;
  id: string;
}

interface Fixture {
  id: string;
  identifier: string;
}

interface WorkflowShape {
  states: { key: string; name: string; category: string }[];
  initialState: { key: string };
  transitions: {
    from: string;
    to: string;
    allowedRoles: string[];
    allowOwner: boolean;
    requiresComment: boolean;
    requiresActionItemsDone: boolean;
  }[];
}

type Response = GraphqlResponse<Record<string, unknown>>;

interface Operation {
  name: string;
  rule: Rule;
  /** The root field that answers. */
  field: string;
  /** A nullable query: an outsider gets null in place of NOT_FOUND. */
  nullable?: boolean;
  /** Sets up what the operation changes, afresh, then runs it as `actor`. */
  run(actor: Person, actorName: ActorName): Promise<Response>;
}

/** ALLOWED (data, no errors), FORBIDDEN or NOT_FOUND (an error with that code and no data); anything else spelt out. */
function observe(response: Response, operation: Operation): string {
  const value = response.data?.[operation.field];
  const errors = response.errors ?? [];
  if (errors.length > 0) {
    const codes = [...new Set(errors.map((error) => error.extensions?.code ?? 'NO_CODE'))];
    const code = codes.join(', ');
    if (value !== undefined && value !== null) return `${code} with data`;
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return code;
    return `${code}: ${errors.map((error) => error.message).join('; ')}`;
  }
  if (value === null || value === undefined)
    return operation.nullable ? 'NOT_FOUND' : `no data (HTTP ${response.status})`;
  return 'ALLOWED';
}

describe('permissions: every operation as every actor (the contract table)', () => {
  let api: TestApi;
  let people: Record<ActorName | 'BYSTANDER', Person>;
  /** Read-only fixture: owned by OWNER, RESPONSIBLE stakeholder, an item assigned to ASSIGNEE, a comment. */
  let base: Fixture & { itemId: string; commentId: string };
  let workflowInput: Record<string, unknown>;
  let invitees = 0;

  const admin = () => people.ADMIN.client;
  const request = (person: Person, query: string, variables: Record<string, unknown>): Promise<Response> =>
    person.client.request<Record<string, unknown>>(query, variables);

  /** A recommendation in PROPOSED owned by OWNER, with RESPONSIBLE as its RESPONSIBLE stakeholder. */
  const freshRecommendation = async (title = 'Aleph: fresh recommendation'): Promise<Fixture> => {
    const { createRecommendation } = await admin().data<{ createRecommendation: Fixture }>(CREATE, {
      input: { teamKey: TEAM, title, ownerId: people.OWNER.id },
    });
    await admin().data(ADD_STAKEHOLDER, {
      input: { recommendationId: createRecommendation.id, userId: people.RESPONSIBLE.id, role: 'RESPONSIBLE' },
    });
    return createRecommendation;
  };
  /** An action item of a fresh recommendation, assigned to ASSIGNEE. */
  const freshItem = async (): Promise<{ recommendationId: string; itemId: string }> => {
    const rec = await freshRecommendation();
    const { createActionItem } = await admin().data<{ createActionItem: { id: string } }>(CREATE_ITEM, {
      input: { recommendationId: rec.id, title: 'Aleph: fresh item', assigneeId: people.ASSIGNEE.id },
    });
    return { recommendationId: rec.id, itemId: createActionItem.id };
  };
  const commentBy = async (author: Person, recommendationId: string, body: string): Promise<string> =>
    (await author.client.data<{ addComment: { id: string } }>(ADD_COMMENT, { input: { recommendationId, body } }))
      .addComment.id;
  /** The actor's own comment on the base recommendation; an outsider has none there, so ADMIN's. */
  const ownComment = (actor: Person, actorName: ActorName) =>
    commentBy(actorName === 'OUTSIDER' ? people.ADMIN : actor, base.id, `Aleph: ${actorName}'s own comment`);
  /** A fresh MEMBER of the team who is no actor, for member management. */
  const freshTeamMember = async (): Promise<string> => {
    invitees += 1;
    const { addTeamMember } = await admin().data<{ addTeamMember: { user: { id: string } } }>(ADD_MEMBER, {
      input: { teamKey: TEAM, email: `invitee-${invitees}@alpha.example.com`, role: 'MEMBER' },
    });
    return addTeamMember.user.id;
  };

  const OPERATIONS: Operation[] = [
    {
      name: 'recommendation(id)',
      rule: { permission: 'read' },
      field: 'recommendation',
      nullable: true,
      run: (actor) => request(actor, BY_ID, { id: base.id }),
    },
    {
      name: 'recommendationByIdentifier',
      rule: { permission: 'read' },
      field: 'recommendationByIdentifier',
      nullable: true,
      run: (actor) => request(actor, BY_IDENTIFIER, { identifier: base.identifier }),
    },
    {
      name: 'comments',
      rule: { permission: 'read' },
      field: 'recommendation',
      nullable: true,
      run: (actor) => request(actor, COMMENTS, { id: base.id }),
    },
    {
      name: 'activity',
      rule: { permission: 'read' },
      field: 'recommendation',
      nullable: true,
      run: (actor) => request(actor, ACTIVITY, { id: base.id }),
    },
    {
      name: 'progressReport(teamKey)',
      rule: { permission: 'read' },
      field: 'progressReport',
      run: (actor) => request(actor, PROGRESS, { filter: { teamKey: TEAM } }),
    },
    {
      name: 'createRecommendation',
      rule: { permission: 'create' },
      field: 'createRecommendation',
      run: (actor) => request(actor, CREATE, { input: { teamKey: TEAM, title: 'Aleph: created' } }),
    },
    {
      name: 'importRecommendations',
      rule: { permission: 'create' },
      field: 'importRecommendations',
      run: (actor) =>
        request(actor, IMPORT, {
          input: {
            teamKey: TEAM,
            source: { title: 'Aleph audit' },
            text: '# Recommendations\n\n- **Publish the Aleph plan.** By June.\n- **Fund the Aleph plan.**\n',
          },
        }),
    },
    {
      name: 'updateRecommendation title',
      rule: { permission: 'edit' },
      field: 'updateRecommendation',
      run: async (actor) => {
        const rec = await freshRecommendation();
        return request(actor, UPDATE, { id: rec.id, input: { title: 'Aleph: retitled' } });
      },
    },
    {
      name: 'updateRecommendation ownerId',
      rule: { permission: 'assign' },
      field: 'updateRecommendation',
      run: async (actor) => {
        const rec = await freshRecommendation();
        return request(actor, UPDATE, { id: rec.id, input: { ownerId: people.BYSTANDER.id } });
      },
    },
    {
      name: 'updateRecommendation dueAt',
      rule: { permission: 'assign' },
      field: 'updateRecommendation',
      run: async (actor) => {
        const rec = await freshRecommendation();
        return request(actor, UPDATE, { id: rec.id, input: { dueAt: FUTURE } });
      },
    },
    {
      name: 'addStakeholder',
      rule: { permission: 'assign' },
      field: 'addStakeholder',
      run: async (actor) => {
        const rec = await freshRecommendation();
        return request(actor, ADD_STAKEHOLDER, {
          input: { recommendationId: rec.id, userId: people.BYSTANDER.id, role: 'CONSULTED' },
        });
      },
    },
    {
      name: 'removeStakeholder',
      rule: { permission: 'assign' },
      field: 'removeStakeholder',
      run: async (actor) => {
        const rec = await freshRecommendation();
        await admin().data(ADD_STAKEHOLDER, {
          input: { recommendationId: rec.id, userId: people.BYSTANDER.id, role: 'INFORMED' },
        });
        return request(actor, REMOVE_STAKEHOLDER, { recommendationId: rec.id, userId: people.BYSTANDER.id });
      },
    },
    {
      name: 'snoozeReminders',
      rule: { permission: 'assign' },
      field: 'snoozeReminders',
      run: async (actor) => {
        const rec = await freshRecommendation();
        return request(actor, SNOOZE, { id: rec.id, until: FUTURE });
      },
    },
    {
      name: 'createActionItem',
      rule: { permission: 'edit' },
      field: 'createActionItem',
      run: async (actor) => {
        const rec = await freshRecommendation();
        return request(actor, CREATE_ITEM, { input: { recommendationId: rec.id, title: 'Aleph: new item' } });
      },
    },
    {
      name: 'updateActionItem title',
      rule: { permission: 'edit' },
      field: 'updateActionItem',
      run: async (actor) => {
        const { itemId } = await freshItem();
        return request(actor, UPDATE_ITEM, { id: itemId, input: { title: 'Aleph: renamed item' } });
      },
    },
    {
      name: 'updateActionItem status',
      rule: { permission: 'setItemStatus' },
      field: 'updateActionItem',
      run: async (actor) => {
        const { itemId } = await freshItem();
        return request(actor, UPDATE_ITEM, { id: itemId, input: { status: 'IN_PROGRESS' } });
      },
    },
    {
      name: 'deleteActionItem',
      rule: { permission: 'edit' },
      field: 'deleteActionItem',
      run: async (actor) => {
        const { itemId } = await freshItem();
        return request(actor, DELETE_ITEM, { id: itemId });
      },
    },
    {
      name: 'addComment',
      rule: { permission: 'comment' },
      field: 'addComment',
      run: (actor) => request(actor, ADD_COMMENT, { input: { recommendationId: base.id, body: 'Aleph: a comment' } }),
    },
    {
      name: 'editComment (own)',
      rule: { permission: 'comment' },
      field: 'editComment',
      run: async (actor, actorName) =>
        request(actor, EDIT_COMMENT, { id: await ownComment(actor, actorName), body: 'Aleph: edited' }),
    },
    {
      name: 'deleteComment (own)',
      rule: { permission: 'comment' },
      field: 'deleteComment',
      run: async (actor, actorName) => request(actor, DELETE_COMMENT, { id: await ownComment(actor, actorName) }),
    },
    {
      name: "deleteComment (another's)",
      rule: { permission: 'deleteOthersComment' },
      field: 'deleteComment',
      run: async (actor) =>
        request(actor, DELETE_COMMENT, { id: await commentBy(people.BYSTANDER, base.id, "Aleph: someone else's") }),
    },
    {
      name: 'addTeamMember',
      rule: { permission: 'manageTeam' },
      field: 'addTeamMember',
      run: (actor) => {
        invitees += 1;
        return request(actor, ADD_MEMBER, {
          input: { teamKey: TEAM, email: `invitee-${invitees}@alpha.example.com`, role: 'MEMBER' },
        });
      },
    },
    {
      name: 'updateTeamMember',
      rule: { permission: 'manageTeam' },
      field: 'updateTeamMember',
      run: async (actor) =>
        request(actor, UPDATE_MEMBER, { input: { teamKey: TEAM, userId: await freshTeamMember(), role: 'MANAGER' } }),
    },
    {
      name: 'removeTeamMember',
      rule: { permission: 'manageTeam' },
      field: 'removeTeamMember',
      run: async (actor) => request(actor, REMOVE_MEMBER, { teamKey: TEAM, userId: await freshTeamMember() }),
    },
    {
      name: 'updateWorkflow (unchanged)',
      rule: { permission: 'manageTeam' },
      field: 'updateWorkflow',
      run: (actor) => request(actor, UPDATE_WORKFLOW, { teamKey: TEAM, input: workflowInput }),
    },
    {
      name: 'setReminderPolicy',
      rule: { permission: 'manageTeam' },
      field: 'setReminderPolicy',
      run: (actor) => request(actor, SET_POLICY, { teamKey: TEAM, input: DEFAULT_POLICY }),
    },
    {
      name: 'createWebhook',
      rule: { permission: 'manageTeam' },
      field: 'createWebhook',
      run: (actor) =>
        request(actor, CREATE_WEBHOOK, {
          input: { teamKey: TEAM, url: 'http://127.0.0.1:9/hook', events: ['REMINDER'], secret: 'a secret of sorts' },
        }),
    },
    {
      name: 'transitionRecommendation PROPOSED→ACCEPTED',
      rule: { transition: 'PROPOSED→ACCEPTED' },
      field: 'transitionRecommendation',
      run: async (actor) => {
        const rec = await freshRecommendation();
        return request(actor, TRANSITION, { input: { recommendationId: rec.id, toState: 'ACCEPTED' } });
      },
    },
    {
      name: 'transitionRecommendation ACCEPTED→IN_PROGRESS',
      rule: { transition: 'ACCEPTED→IN_PROGRESS' },
      field: 'transitionRecommendation',
      run: async (actor) => {
        const rec = await freshRecommendation();
        await admin().data(TRANSITION, { input: { recommendationId: rec.id, toState: 'ACCEPTED' } });
        return request(actor, TRANSITION, { input: { recommendationId: rec.id, toState: 'IN_PROGRESS' } });
      },
    },
  ];

  beforeAll(async () => {
    api = await startTestApi({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } });
    const signUp = async (email: string, name: string): Promise<Person> => {
      const { client, userId } = await api.signUp(email, name);
      return { client, id: userId };
    };
    const teamRoles: Array<[ActorName | 'BYSTANDER', Role]> = [
      ['MANAGER', 'MANAGER'],
      ['MEMBER', 'MEMBER'],
      ['STAKEHOLDER', 'STAKEHOLDER'],
      ['OWNER', 'MEMBER'],
      ['RESPONSIBLE', 'MEMBER'],
      ['ASSIGNEE', 'MEMBER'],
      ['BYSTANDER', 'MEMBER'],
    ];
    const signedUp: Partial<Record<ActorName | 'BYSTANDER', Person>> = {
      ADMIN: await signUp('admin@alpha.example.com', 'Aleph Admin'),
      OUTSIDER: await signUp('outsider@beta.example.com', 'Beth Outsider'),
    };
    for (const [name] of teamRoles) {
      signedUp[name] = await signUp(`${name.toLowerCase()}@alpha.example.com`, `Aleph ${name.toLowerCase()}`);
    }
    people = signedUp as Record<ActorName | 'BYSTANDER', Person>;

    await admin().data(CREATE_TEAM, { input: { key: TEAM, name: 'Aleph team' } });
    for (const [name, role] of teamRoles) {
      await admin().data(ADD_MEMBER, {
        input: { teamKey: TEAM, email: `${name.toLowerCase()}@alpha.example.com`, role },
      });
    }
    // The outsider's own team: a member of another team only.
    await people.OUTSIDER.client.data(CREATE_TEAM, { input: { key: OTHER_TEAM, name: 'Beth team' } });

    const { itemId, recommendationId } = await freshItem();
    const { recommendation } = await admin().data<{ recommendation: Fixture }>(BY_ID, { id: recommendationId });
    const commentId = await commentBy(people.BYSTANDER, recommendationId, 'Aleph: the base comment');
    base = { ...recommendation, itemId, commentId };

    const { team } = await admin().data<{ team: { workflow: WorkflowShape } }>(TEAM_WORKFLOW, { key: TEAM });
    const { states, transitions, initialState } = team.workflow;
    workflowInput = { states, transitions, initialState: initialState.key };
  });
  afterAll(() => api.close());

  const cases = OPERATIONS.flatMap((operation) =>
    ACTOR_NAMES.map((actor) => ({
      name: operation.name,
      operation,
      actor,
      outcome: expectedOutcome(operation.rule, actor),
    })),
  );

  it.each(cases)('$name as $actor: $outcome', async ({ operation, actor, outcome }) => {
    const response = await operation.run(people[actor], actor);
    expect(observe(response, operation)).toBe(outcome);
    if (actor === 'OUTSIDER') {
      for (const marker of TEAM_A_MARKERS) expect(JSON.stringify(response)).not.toContain(marker);
    }
  });

  describe("never leaks team A's data to a member of team B", () => {
    interface TheirWorld {
      recommendationId: string;
      itemId: string;
    }
    let theirs: TheirWorld;
    const outsider = () => people.OUTSIDER;

    beforeAll(async () => {
      const { createRecommendation } = await outsider().client.data<{ createRecommendation: { id: string } }>(CREATE, {
        input: { teamKey: OTHER_TEAM, title: 'Beth plan' },
      });
      const { createActionItem } = await outsider().client.data<{ createActionItem: { id: string } }>(CREATE_ITEM, {
        input: { recommendationId: createRecommendation.id, title: 'Beth item' },
      });
      theirs = { recommendationId: createRecommendation.id, itemId: createActionItem.id };
    });

    type Expected = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'null';
    const LEAKS: Array<{ name: string; expected: Expected; field: string; run: () => Promise<Response> }> = [
      {
        name: "editComment(A's comment)",
        expected: 'NOT_FOUND',
        field: 'editComment',
        run: () => request(outsider(), EDIT_COMMENT, { id: base.commentId, body: 'Mine now' }),
      },
      {
        name: "deleteComment(A's comment)",
        expected: 'NOT_FOUND',
        field: 'deleteComment',
        run: () => request(outsider(), DELETE_COMMENT, { id: base.commentId }),
      },
      {
        name: "updateActionItem(A's item) title",
        expected: 'NOT_FOUND',
        field: 'updateActionItem',
        run: () => request(outsider(), UPDATE_ITEM, { id: base.itemId, input: { title: 'Mine now' } }),
      },
      {
        name: "updateActionItem(A's item) status",
        expected: 'NOT_FOUND',
        field: 'updateActionItem',
        run: () => request(outsider(), UPDATE_ITEM, { id: base.itemId, input: { status: 'DONE' } }),
      },
      {
        name: "deleteActionItem(A's item)",
        expected: 'NOT_FOUND',
        field: 'deleteActionItem',
        run: () => request(outsider(), DELETE_ITEM, { id: base.itemId }),
      },
      {
        name: "addStakeholder(B's recommendation, userId: A's user)",
        expected: 'BAD_USER_INPUT',
        field: 'addStakeholder',
        run: () =>
          request(outsider(), ADD_STAKEHOLDER, {
            input: { recommendationId: theirs.recommendationId, userId: people.MEMBER.id, role: 'INFORMED' },
          }),
      },
      {
        name: "addStakeholder(A's recommendation, userId: self)",
        expected: 'NOT_FOUND',
        field: 'addStakeholder',
        run: () =>
          request(outsider(), ADD_STAKEHOLDER, {
            input: { recommendationId: base.id, userId: outsider().id, role: 'INFORMED' },
          }),
      },
      {
        name: "removeStakeholder(A's recommendation, A's stakeholder)",
        expected: 'NOT_FOUND',
        field: 'removeStakeholder',
        run: () =>
          request(outsider(), REMOVE_STAKEHOLDER, { recommendationId: base.id, userId: people.RESPONSIBLE.id }),
      },
      {
        name: "addComment(B's recommendation, parentId: A's comment)",
        expected: 'BAD_USER_INPUT',
        field: 'addComment',
        run: () =>
          request(outsider(), ADD_COMMENT, {
            input: { recommendationId: theirs.recommendationId, body: 'Reply', parentId: base.commentId },
          }),
      },
      {
        name: "addComment(A's recommendation)",
        expected: 'NOT_FOUND',
        field: 'addComment',
        run: () => request(outsider(), ADD_COMMENT, { input: { recommendationId: base.id, body: 'Hello' } }),
      },
      {
        name: "createRecommendation(team B, ownerId: A's user)",
        expected: 'BAD_USER_INPUT',
        field: 'createRecommendation',
        run: () =>
          request(outsider(), CREATE, { input: { teamKey: OTHER_TEAM, title: 'Beth two', ownerId: people.OWNER.id } }),
      },
      {
        name: 'createRecommendation(team A)',
        expected: 'NOT_FOUND',
        field: 'createRecommendation',
        run: () => request(outsider(), CREATE, { input: { teamKey: TEAM, title: 'Beth in A' } }),
      },
      {
        name: "updateRecommendation(B's recommendation, ownerId: A's user)",
        expected: 'BAD_USER_INPUT',
        field: 'updateRecommendation',
        run: () => request(outsider(), UPDATE, { id: theirs.recommendationId, input: { ownerId: people.OWNER.id } }),
      },
      {
        name: "updateRecommendation(A's recommendation)",
        expected: 'NOT_FOUND',
        field: 'updateRecommendation',
        run: () => request(outsider(), UPDATE, { id: base.id, input: { title: 'Beth was here' } }),
      },
      {
        name: "createActionItem(B's recommendation, assigneeId: A's user)",
        expected: 'BAD_USER_INPUT',
        field: 'createActionItem',
        run: () =>
          request(outsider(), CREATE_ITEM, {
            input: { recommendationId: theirs.recommendationId, title: 'Beth task', assigneeId: people.ASSIGNEE.id },
          }),
      },
      {
        name: "updateActionItem(B's item, assigneeId: A's user)",
        expected: 'BAD_USER_INPUT',
        field: 'updateActionItem',
        run: () => request(outsider(), UPDATE_ITEM, { id: theirs.itemId, input: { assigneeId: people.ASSIGNEE.id } }),
      },
      {
        name: "importRecommendations(team B, defaultOwnerId: A's user)",
        expected: 'BAD_USER_INPUT',
        field: 'importRecommendations',
        run: () =>
          request(outsider(), IMPORT, {
            input: {
              teamKey: OTHER_TEAM,
              source: { title: 'Beth audit' },
              text: '- **Publish the Beth plan.**\n',
              defaultOwnerId: people.OWNER.id,
            },
          }),
      },
      {
        name: "transitionRecommendation(A's recommendation)",
        expected: 'NOT_FOUND',
        field: 'transitionRecommendation',
        run: () => request(outsider(), TRANSITION, { input: { recommendationId: base.id, toState: 'ACCEPTED' } }),
      },
      {
        name: "snoozeReminders(A's recommendation)",
        expected: 'NOT_FOUND',
        field: 'snoozeReminders',
        run: () => request(outsider(), SNOOZE, { id: base.id, until: FUTURE }),
      },
      {
        name: "updateTeamMember(team B, A's user)",
        expected: 'NOT_FOUND',
        field: 'updateTeamMember',
        run: () =>
          request(outsider(), UPDATE_MEMBER, {
            input: { teamKey: OTHER_TEAM, userId: people.MEMBER.id, role: 'ADMIN' },
          }),
      },
      {
        name: "removeTeamMember(team B, A's user)",
        expected: 'NOT_FOUND',
        field: 'removeTeamMember',
        run: () => request(outsider(), REMOVE_MEMBER, { teamKey: OTHER_TEAM, userId: people.MEMBER.id }),
      },
      {
        name: "recommendation(A's recommendation id)",
        expected: 'null',
        field: 'recommendation',
        run: () => request(outsider(), BY_ID, { id: base.id }),
      },
      {
        name: "recommendation(A's comment id)",
        expected: 'null',
        field: 'recommendation',
        run: () => request(outsider(), BY_ID, { id: base.commentId }),
      },
      {
        name: "recommendationByIdentifier(A's identifier)",
        expected: 'null',
        field: 'recommendationByIdentifier',
        run: () => request(outsider(), BY_IDENTIFIER, { identifier: base.identifier }),
      },
    ];

    it.each(LEAKS)('$name: $expected, and nothing of team A', async ({ run, field, expected }) => {
      const response = await run();
      const errors = response.errors ?? [];
      const outcome = errors.length ? errors.map((error) => error.extensions?.code).join(', ') : 'null';
      expect({ outcome, data: response.data?.[field] ?? null }).toEqual({ outcome: expected, data: null });
      const text = JSON.stringify(response);
      for (const marker of TEAM_A_MARKERS) expect(text).not.toContain(marker);
    });

    it("lists none of team A's recommendations or action items to team B", async () => {
      const listed = await request(outsider(), LIST, {});
      const items = await request(outsider(), ITEMS, {});
      expect(listed.errors).toBeUndefined();
      expect(items.errors).toBeUndefined();
      expect(JSON.stringify(listed)).toContain('Beth plan');
      expect(JSON.stringify(items)).toContain('Beth item');
      for (const marker of TEAM_A_MARKERS) {
        expect(JSON.stringify(listed)).not.toContain(marker);
        expect(JSON.stringify(items)).not.toContain(marker);
      }
    });

    it("shows a former member nothing of team A through an old notification's recommendation", async () => {
      const former = await api.signUp('former@beta.example.com', 'Beth Former');
      await admin().data(ADD_MEMBER, { input: { teamKey: TEAM, email: 'former@beta.example.com', role: 'MEMBER' } });
      // Notifications are the worker's to write; this API runs none, so the row is written as it would.
      await api.database.query(
        `INSERT INTO notifications (user_id, team_id, recommendation_id, kind, title, body, dedupe_key)
         SELECT $1, team_id, id, 'ASSIGNED', 'Assigned to you', 'Over to you', 'permissions-former' FROM recommendations
          WHERE id = $2`,
        [former.userId, base.id],
      );
      const query = `{ notifications { nodes { title recommendation { ${REC} comments { nodes { body } } } } } }`;
      const asMember = await former.client.data<{ notifications: { nodes: { recommendation: unknown }[] } }>(query);
      expect(asMember.notifications.nodes.map((n) => n.recommendation)).toEqual([
        expect.objectContaining({ id: base.id }),
      ]);

      await admin().data(REMOVE_MEMBER, { teamKey: TEAM, userId: former.userId });
      const response = await former.client.request<Record<string, unknown>>(query);
      expect(response).toEqual({
        status: 200,
        data: { notifications: { nodes: [{ title: 'Assigned to you', recommendation: null }] } },
      });
    });

    it("leaves team A's recommendation, item and comment as they were", async () => {
      const { recommendation } = await admin().data<{
        recommendation: { title: string; stakeholders: { user: { id: string }; role: string }[] };
      }>(BY_ID, { id: base.id });
      expect(recommendation.title).toBe('Aleph: fresh recommendation');
      expect(recommendation.stakeholders.map((s) => [s.user.id, s.role])).toEqual([
        [people.RESPONSIBLE.id, 'RESPONSIBLE'],
      ]);
      const { recommendation: comments } = await admin().data<{
        recommendation: { comments: { nodes: { id: string; body: string }[] } };
      }>(COMMENTS, { id: base.id });
      expect(comments.comments.nodes.find((c) => c.id === base.commentId)?.body).toBe('Aleph: the base comment');
      const { recommendation: items } = await admin().data<{
        recommendation: { actionItems: { id: string; title: string; status: string }[] };
      }>(`query($id: ID!) { recommendation(id: $id) { actionItems { id title status } } }`, { id: base.id });
      expect(items.actionItems).toEqual([{ id: base.itemId, title: 'Aleph: fresh item', status: 'TODO' }]);
    });
  });
});
