import type { GraphqlClient } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';

const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id key name timezone } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role user { id email name } team { key } } }`;
const UPDATE_MEMBER = `mutation($input: UpdateTeamMemberInput!) { updateTeamMember(input: $input) { role user { id } } }`;
const REMOVE_MEMBER = `mutation($teamKey: String!, $userId: ID!) { removeTeamMember(teamKey: $teamKey, userId: $userId) }`;
const TEAM = `query($key: String!) { team(key: $key) { key members { role user { email } } } }`;

describe('teams and memberships', () => {
  let api: TestApi;
  let admin: GraphqlClient;
  let adminId: string;

  beforeAll(async () => {
    api = await startTestApi();
    ({ client: admin, userId: adminId } = await api.signUp('admin@example.com', 'Ada Admin'));
    await admin.data(CREATE_TEAM, { input: { key: 'KOR', name: 'Korea desk', timezone: 'Asia/Seoul' } });
  });
  afterAll(() => api.close());

  const members = async (client: GraphqlClient) =>
    (await client.data<{ team: { members: { role: string; user: { email: string } }[] } }>(TEAM, { key: 'KOR' })).team
      .members;

  it('makes the creator ADMIN and lists the team', async () => {
    expect(await members(admin)).toEqual([{ role: 'ADMIN', user: { email: 'admin@example.com' } }]);
    const { teams } = await admin.data<{ teams: { key: string; timezone: string }[] }>(`{ teams { key timezone } }`);
    expect(teams).toEqual([{ key: 'KOR', timezone: 'Asia/Seoul' }]);
  });

  it('refuses a duplicate key with CONFLICT and a malformed key with BAD_USER_INPUT naming it', async () => {
    const duplicate = await admin.error(CREATE_TEAM, { input: { key: 'KOR', name: 'Again' } });
    expect(duplicate.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.key' });
    for (const key of ['kor', 'K', 'TOOLONG', 'K0R']) {
      const error = await admin.error(CREATE_TEAM, { input: { key, name: 'Bad' } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.key' });
    }
    const zone = await admin.error(CREATE_TEAM, { input: { key: 'TZ', name: 'Zone', timezone: 'Mars/Olympus' } });
    expect(zone.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timezone' });
    const { teams } = await admin.data<{ teams: unknown[] }>(`{ teams { key } }`);
    expect(teams).toHaveLength(1);
  });

  it('invites an unknown email; registering with it later keeps the membership', async () => {
    const { addTeamMember } = await admin.data<{ addTeamMember: { role: string; user: { name: string } } }>(
      ADD_MEMBER,
      { input: { teamKey: 'KOR', email: 'Invitee@Example.com', name: 'In Vitee', role: 'MEMBER' } },
    );
    expect(addTeamMember).toMatchObject({ role: 'MEMBER', user: { name: 'In Vitee' } });

    const { client: invitee } = await api.signUp('invitee@example.com', 'Invitee Proper');
    const { teams } = await invitee.data<{ teams: { key: string }[] }>(`{ teams { key } }`);
    expect(teams).toEqual([{ key: 'KOR' }]);
    const again = await api.client.error(
      `mutation { register(input: { email: "invitee@example.com", name: "X", password: "another password" }) { token } }`,
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
  });

  it('lets only an ADMIN manage members, and hides the team from outsiders', async () => {
    const { client: manager, userId: managerId } = await api.signUp('manager@example.com');
    await admin.data(ADD_MEMBER, { input: { teamKey: 'KOR', email: 'manager@example.com', role: 'MANAGER' } });
    const forbidden = await manager.error(ADD_MEMBER, {
      input: { teamKey: 'KOR', email: 'someone@example.com', role: 'MEMBER' },
    });
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');

    const { client: outsider } = await api.signUp('outsider@example.com');
    expect((await outsider.data<{ team: unknown }>(TEAM, { key: 'KOR' })).team).toBeNull();
    const hidden = await outsider.error(REMOVE_MEMBER, { teamKey: 'KOR', userId: managerId });
    expect(hidden.extensions?.code).toBe('NOT_FOUND');

    const { updateTeamMember } = await admin.data<{ updateTeamMember: { role: string } }>(UPDATE_MEMBER, {
      input: { teamKey: 'KOR', userId: managerId, role: 'STAKEHOLDER' },
    });
    expect(updateTeamMember.role).toBe('STAKEHOLDER');
    expect(await admin.data(REMOVE_MEMBER, { teamKey: 'KOR', userId: managerId })).toEqual({ removeTeamMember: true });
    expect((await members(admin)).map((m) => m.user.email)).not.toContain('manager@example.com');
  });

  it('never removes or demotes the last ADMIN', async () => {
    const removal = await admin.error(REMOVE_MEMBER, { teamKey: 'KOR', userId: adminId });
    expect(removal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    const demotion = await admin.error(UPDATE_MEMBER, { input: { teamKey: 'KOR', userId: adminId, role: 'MEMBER' } });
    expect(demotion.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await members(admin)).find((m) => m.user.email === 'admin@example.com')?.role).toBe('ADMIN');
  });

  it('names the field of a malformed email or id, and writes nothing', async () => {
    const email = await admin.error(ADD_MEMBER, { input: { teamKey: 'KOR', email: 'not-an-email', role: 'MEMBER' } });
    expect(email.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const id = await admin.error(REMOVE_MEMBER, { teamKey: 'KOR', userId: '42' });
    expect(id.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    const unknown = await admin.error(REMOVE_MEMBER, {
      teamKey: 'KOR',
      userId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.extensions?.code).toBe('NOT_FOUND');
    const [{ count }] = await api.database.query<{ count: string }>(
      `SELECT count(*) FROM users WHERE email = 'not-an-email'`,
    );
    expect(Number(count)).toBe(0);
  });
});
