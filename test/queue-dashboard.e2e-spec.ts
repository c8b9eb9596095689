import { randomUUID } from 'node:crypto';

import { QUEUE_NAMES, QueueService } from '@docket/core';
import { QUEUE_BACKENDS } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';

const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`;

const ADMIN_ENV = { ADMIN_USER: 'ops', ADMIN_PASSWORD: 'queue board secret' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const RIGHT_BASIC = basic(ADMIN_ENV.ADMIN_USER, ADMIN_ENV.ADMIN_PASSWORD);

/** A team's ADMIN (its creator) and a MEMBER of it, by their session tokens. */
async function teamUsers(api: TestApi): Promise<{ adminToken: string; memberToken: string }> {
  const admin = await api.signUp('team-admin@example.com');
  await admin.client.data(CREATE_TEAM, { input: { key: 'OPS', name: 'Operations' } });
  const member = await api.signUp('team-member@example.com');
  await admin.client.data(ADD_MEMBER, { input: { teamKey: 'OPS', email: 'team-member@example.com', role: 'MEMBER' } });
  return { adminToken: admin.token, memberToken: member.token };
}

const board = (api: TestApi, path: string, authorization?: string) =>
  fetch(`${api.url}/admin/queues${path}`, { headers: authorization ? { authorization } : {} });

/** The board's own script, as its page links it (relative to `<base href="/admin/queues/">`). */
async function scriptPath(api: TestApi): Promise<string> {
  const html = await (await board(api, '', RIGHT_BASIC)).text();
  const src = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
  expect(src).toBeDefined();
  return `/${src}`;
}

describe.each(QUEUE_BACKENDS)('queue dashboard on %s', (backend) => {
  let api: TestApi;
  let adminToken: string;

  beforeAll(async () => {
    api = await startTestApi({ backend, env: ADMIN_ENV });
    ({ adminToken } = await teamUsers(api));
  });
  afterAll(() => api.close());

  it("shows the board to a team ADMIN's token", async () => {
    const response = await board(api, '', `Bearer ${adminToken}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<title>Docket queues</title>');
    expect(html).toContain('<base href="/admin/queues/" />');
  });

  it('shows the board and its assets to the ADMIN_USER/ADMIN_PASSWORD credentials', async () => {
    const page = await board(api, '/', RIGHT_BASIC);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Docket queues</title>');
    const script = await board(api, await scriptPath(api), RIGHT_BASIC);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it("lets a team ADMIN's token look but not act; the operator's credentials may pause a queue", async () => {
    const pause = (authorization: string) =>
      fetch(`${api.url}/admin/queues/api/queues/maintenance/pause`, { method: 'PUT', headers: { authorization } });
    expect((await pause(`Bearer ${adminToken}`)).status).toBe(403);
    const byOperator = await pause(RIGHT_BASIC);
    expect(byOperator.status).toBeLessThan(300);
    const resume = await fetch(`${api.url}/admin/queues/api/queues/maintenance/resume`, {
      method: 'PUT',
      headers: { authorization: RIGHT_BASIC },
    });
    expect(resume.status).toBeLessThan(300);
  });

  it("lists every queue through the board's API, with the reminders queue's jobs", async () => {
    await api.app
      .get(QueueService)
      .add('reminders', 'fire-recommendation', { recommendationId: randomUUID() }, { delay: 3_600_000 });
    for (const authorization of [RIGHT_BASIC, `Bearer ${adminToken}`]) {
      const response = await board(api, '/api/queues', authorization);
      expect(response.status).toBe(200);
      const { queues } = (await response.json()) as { queues: { name: string; counts: Record<string, number> }[] };
      expect(queues.map((queue) => queue.name).sort()).toEqual([...QUEUE_NAMES].sort());
      expect(queues.find((queue) => queue.name === 'reminders')?.counts['delayed']).toBe(1);
    }
  });
});

describe('queue dashboard refusals', () => {
  let api: TestApi;
  let memberToken: string;

  beforeAll(async () => {
    api = await startTestApi({ env: ADMIN_ENV });
    ({ memberToken } = await teamUsers(api));
  });
  afterAll(() => api.close());

  it('answers an anonymous request 401 with a Basic challenge, for the page, its assets and its API', async () => {
    for (const path of ['', '/', await scriptPath(api), '/api/queues']) {
      const response = await board(api, path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="Docket queues"');
      expect(await response.text()).not.toContain('reminders');
    }
  });

  it("answers a MEMBER's token 403 and a token that is no token 401", async () => {
    const member = await board(api, '/api/queues', `Bearer ${memberToken}`);
    expect(member.status).toBe(403);
    expect(await member.text()).not.toContain('reminders');
    const { token: loner } = await api.signUp('no-team@example.com');
    expect((await board(api, '', `Bearer ${loner}`)).status).toBe(403);
    expect((await board(api, '', 'Bearer not-a-token')).status).toBe(401);
  });

  it('answers wrong Basic credentials 401', async () => {
    for (const authorization of [
      basic('ops', 'queue board secreT'),
      basic('ops', `${ADMIN_ENV.ADMIN_PASSWORD}x`),
      basic('admin', ADMIN_ENV.ADMIN_PASSWORD),
      basic('', ''),
      'Basic !!!',
    ]) {
      const response = await board(api, '/api/queues', authorization);
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="Docket queues"');
    }
  });
});

describe('queue dashboard without ADMIN_USER and ADMIN_PASSWORD', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('accepts no Basic credentials, and no longer challenges for them, yet opens to a team ADMIN', async () => {
    const refused = await board(api, '/api/queues', RIGHT_BASIC);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="Docket queues"');
    const { adminToken } = await teamUsers(api);
    expect((await board(api, '/api/queues', `Bearer ${adminToken}`)).status).toBe(200);
  });
});
