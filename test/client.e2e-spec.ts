import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { DocketClient, DocketClientError, MeDocument, ProgressReportDocument } from '@docket/client';
import type { GraphqlClient } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';

const root = join(__dirname, '..');
const DAY_MS = 86_400_000;

const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { key } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`;
const CREATE_REC = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) { id identifier } }`;
const TRANSITION = `mutation($input: TransitionInput!) { transitionRecommendation(input: $input) { id } }`;

describe('@docket/client against a running API', () => {
  let api: TestApi;
  let manager: { client: GraphqlClient; token: string; userId: string };
  let apiToken: string;

  async function createRec(input: Record<string, unknown>) {
    const { createRecommendation } = await manager.client.data<{
      createRecommendation: { id: string; identifier: string };
    }>(CREATE_REC, { input: { teamKey: 'KOR', ...input } });
    return createRecommendation;
  }

  beforeAll(async () => {
    api = await startTestApi();
    manager = await api.signUp('maria@example.com', 'Maria Manager');
    await manager.client.data(CREATE_TEAM, { input: { key: 'KOR', name: 'Korea' } });
    const owner = await api.signUp('owen@example.com', 'Owen Owner');
    await manager.client.data(ADD_MEMBER, { input: { teamKey: 'KOR', email: 'owen@example.com', role: 'MEMBER' } });

    // Four recommendations: one overdue (Owen's), one due in 3 days, one implemented, one rejected.
    await createRec({
      title: 'Scale up energy trade',
      ownerId: owner.userId,
      dueAt: new Date(Date.now() - 3 * DAY_MS - 3_600_000).toISOString(),
    });
    await createRec({ title: 'Open a shipbuilding fund', dueAt: new Date(Date.now() + 3 * DAY_MS).toISOString() });
    const implemented = await createRec({ title: 'Align export controls' });
    for (const toState of ['ACCEPTED', 'IN_PROGRESS', 'IMPLEMENTED']) {
      await manager.client.data(TRANSITION, { input: { recommendationId: implemented.id, toState, comment: 'Done' } });
    }
    const rejected = await createRec({ title: 'Merge the currencies' });
    await manager.client.data(TRANSITION, {
      input: { recommendationId: rejected.id, toState: 'REJECTED', comment: 'No' },
    });

    const { createApiToken } = await manager.client.data<{ createApiToken: { token: string } }>(
      `mutation { createApiToken(name: "report script") { token } }`,
    );
    apiToken = createApiToken.token;
  });
  afterAll(() => api.close());

  it('returns typed data for a generated document', async () => {
    const client = new DocketClient({ url: api.url, token: apiToken });
    const { me } = await client.request(MeDocument);
    expect(me).toMatchObject({ name: 'Maria Manager', email: 'maria@example.com' });
    const { progressReport } = await client.request(ProgressReportDocument, { teamKey: 'KOR' });
    expect(progressReport).toMatchObject({ total: 4, completed: 1, canceled: 1, overdue: 1, open: 2 });
  });

  it('throws with the error codes on GraphQL errors', async () => {
    const anonymous = new DocketClient({ url: `${api.url}/`, token: 'dkt_not-a-real-token' });
    const error = await anonymous.request(MeDocument).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocketClientError);
    expect((error as DocketClientError).codes).toEqual(['UNAUTHENTICATED']);
    expect((error as DocketClientError).message).toContain('UNAUTHENTICATED');

    const client = new DocketClient({ url: api.url, token: apiToken });
    const missing = await client
      .request(ProgressReportDocument, { teamKey: 'NOPE' })
      .catch((caught: unknown) => caught);
    expect((missing as DocketClientError).codes).toEqual(['NOT_FOUND']);
  });

  it('runs examples/progress-report.ts, which prints the counts, the rate and the overdue items with owners', async () => {
    // Asynchronous on purpose: the API answering the script runs in this very process.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/run-ts.mjs', 'examples/progress-report.ts', 'KOR'],
      { cwd: root, env: { ...process.env, DOCKET_URL: api.url, DOCKET_TOKEN: apiToken } },
    );
    const lines = stdout.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Docket report for Maria Manager <maria@example.com>',
        'Progress of KOR: 4 recommendations',
        'Completion rate: 33.3% (1 of 3 completed, 1 canceled)',
        'Open: 2   Overdue: 1   Due within 7 days: 1',
        '  Proposed        2',
        '  Accepted        0',
        '  Implemented     1',
        '  Rejected        1',
        'Overdue (1):',
      ]),
    );
    const overdue = lines.find((line) => line.includes('KOR-1'));
    expect(overdue).toMatch(/^ {2}KOR-1 {2}Scale up energy trade {2}\(due \d{4}-\d{2}-\d{2}, 3 days late; Proposed\)/);
    expect(overdue).toContain('owner: Owen Owner <owen@example.com>');
    expect(lines.filter((line) => /^ {2}KOR-\d/.test(line))).toHaveLength(1);
  });

  it('exits 1 with the error codes when the token is refused', async () => {
    const run = promisify(execFile)(process.execPath, ['scripts/run-ts.mjs', 'examples/progress-report.ts', 'KOR'], {
      cwd: root,
      env: { ...process.env, DOCKET_URL: api.url, DOCKET_TOKEN: 'dkt_revoked' },
    });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('UNAUTHENTICATED') });
  });
});
