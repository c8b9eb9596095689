import { createHmac } from 'node:crypto';

import { postWebhook, QueueWorkerHost } from '@docket/core';
import { type GraphqlClient, QUEUE_BACKENDS, type ReceivedRequest, TestHttpReceiver } from '@docket/testing';
import type { INestApplicationContext } from '@nestjs/common';

import { bootstrapWorker } from '../apps/worker/src/main';
import { MaintenanceProcessor } from '../apps/worker/src/maintenance/maintenance.processor';
import { startTestApi, type TestApi } from './support/api-harness';

const CREATE_WEBHOOK = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id url events enabled createdAt } }`;
const DELETE_WEBHOOK = `mutation($id: ID!) { deleteWebhook(id: $id) }`;
const REDELIVER = `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id status attempts } }`;
const TEAM_WEBHOOKS = `query($key: String!) { team(key: $key) { webhooks { id url events enabled
  deliveries { id event status attempts responseCode lastError createdAt deliveredAt } } } }`;
const CREATE_REC = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) { id identifier } }`;
const TRANSITION = `mutation($input: TransitionInput!) { transitionRecommendation(input: $input) { id } }`;

const SECRET = 'webhook-secret-7f3a9c';

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

interface Person {
  client: GraphqlClient;
  id: string;
  email: string;
}

/** An admin, a member and an outsider; teams are made per test so that webhooks never see each other's events. */
async function people(api: TestApi): Promise<{ admin: Person; member: Person; outsider: Person }> {
  const [admin, member, outsider] = await Promise.all(
    ['admin', 'member', 'outsider'].map(async (name) => {
      const email = `${name}@example.com`;
      const { client, userId } = await api.signUp(email, name);
      return { client, id: userId, email };
    }),
  );
  return { admin: admin!, member: member!, outsider: outsider! };
}

async function createTeam(api: TestApi, admin: Person, member: Person, key: string): Promise<void> {
  await admin.client.data(`mutation($key: String!) { createTeam(input: { key: $key, name: "Team ${key}" }) { key } }`, {
    key,
  });
  await admin.client.data(`mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`, {
    input: { teamKey: key, email: member.email, role: 'MEMBER' },
  });
}

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('webhook settings, validation and permissions (private networks refused)', () => {
  let api: TestApi;
  let admin: Person;
  let member: Person;
  let outsider: Person;

  beforeAll(async () => {
    api = await startTestApi({ backend: 'postgres' });
    ({ admin, member, outsider } = await people(api));
    await createTeam(api, admin, member, 'KOR');
  });
  afterAll(() => api.close());

  const create = (client: GraphqlClient, input: Record<string, unknown>) =>
    client.request<{ createWebhook: { id: string } }>(CREATE_WEBHOOK, {
      input: { teamKey: 'KOR', events: ['STATE_CHANGED'], secret: SECRET, url: 'https://93.184.216.34/hook', ...input },
    });

  it('is off by default', () => {
    expect(api.config.webhookAllowPrivateNetworks).toBe(false);
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://LOCALHOST./hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://2130706433/hook',
    'http://0.0.0.0/hook',
    'http://10.0.0.5/hook',
    'http://172.20.1.1/hook',
    'http://192.168.1.10/hook',
    'http://100.64.0.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
  ])('refuses %s: BAD_USER_INPUT on input.url', async (url) => {
    const { errors, data } = await create(admin.client, { url });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
  });

  it.each(['ftp://example.com/hook', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://93.184.216.34/', 'hook'])(
    'refuses the non-http URL %s',
    async (url) => {
      const error = await admin.client.error(CREATE_WEBHOOK, {
        input: { teamKey: 'KOR', events: ['STATE_CHANGED'], secret: SECRET, url },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    },
  );

  it('refuses a secret outside 8 to 200 characters and an empty list of events', async () => {
    for (const [input, field] of [
      [{ secret: 'short' }, 'input.secret'],
      [{ secret: 'x'.repeat(201) }, 'input.secret'],
      [{ events: [] }, 'input.events'],
    ] as const) {
      const { errors } = await create(admin.client, input);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('lets only ADMINs manage webhooks: MEMBER FORBIDDEN, outsider NOT_FOUND', async () => {
    expect((await create(member.client, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await create(outsider.client, {})).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await create(admin.client, {})).errors).toBeUndefined();
  });

  it('never returns the secret: Webhook has no such field and no response carries it', async () => {
    const { data } = await admin.client.request<{ __type: { fields: Array<{ name: string }> } }>(
      `{ __type(name: "Webhook") { fields { name } } }`,
    );
    const fields = data!.__type.fields.map((field) => field.name);
    expect(fields).toEqual(expect.arrayContaining(['id', 'url', 'events', 'enabled', 'createdAt', 'deliveries']));
    expect(fields.some((name) => /secret/i.test(name))).toBe(false);

    const created = await create(admin.client, { events: ['REMINDER', 'COMMENT_ADDED', 'REMINDER'] });
    expect(created.data?.createWebhook).toMatchObject({
      url: 'https://93.184.216.34/hook',
      events: ['COMMENT_ADDED', 'REMINDER'],
      enabled: true,
    });
    const listed = await admin.client.request(TEAM_WEBHOOKS, { key: 'KOR' });
    expect(JSON.stringify(listed)).toContain(created.data!.createWebhook.id);
    for (const response of [created, listed]) expect(JSON.stringify(response)).not.toContain(SECRET);
  });

  it('lists webhooks to ADMINs only: other members get an empty list', async () => {
    const { data } = await create(admin.client, { url: 'https://93.184.216.34/listed' });
    const id = data!.createWebhook.id;
    const ids = async (client: GraphqlClient) =>
      (
        await client.data<{ team: { webhooks: Array<{ id: string }> } }>(TEAM_WEBHOOKS, { key: 'KOR' })
      ).team.webhooks.map((webhook) => webhook.id);
    expect(await ids(admin.client)).toContain(id);
    expect(await ids(member.client)).toEqual([]);
  });

  it('deletes a webhook for its ADMIN only; anyone else, and a second delete, get NOT_FOUND', async () => {
    const { data } = await create(admin.client, { url: 'https://93.184.216.34/deleted' });
    const id = data!.createWebhook.id;
    for (const client of [member.client, outsider.client]) {
      expect((await client.error(DELETE_WEBHOOK, { id })).extensions?.code).toBe('NOT_FOUND');
    }
    expect(await admin.client.data(DELETE_WEBHOOK, { id })).toEqual({ deleteWebhook: true });
    expect((await admin.client.error(DELETE_WEBHOOK, { id })).extensions?.code).toBe('NOT_FOUND');
    const { team } = await admin.client.data<{ team: { webhooks: Array<{ id: string }> } }>(TEAM_WEBHOOKS, {
      key: 'KOR',
    });
    expect(team.webhooks.map((webhook) => webhook.id)).not.toContain(id);
  });

  it('gives up on a receiver that holds the request open past the timeout', async () => {
    const receiver = await new TestHttpReceiver().start();
    receiver.fallback = 'hang';
    try {
      const started = Date.now();
      const attempt = await postWebhook(
        { url: `${receiver.url}/hook`, body: '{}', headers: { 'Content-Type': 'application/json' } },
        { timeoutMs: 300 },
      );
      expect(attempt).toEqual({ ok: false, responseCode: null, error: 'no response within 300 ms' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });

  it('does not follow a redirect: a 3xx is a failed attempt', async () => {
    const receiver = await new TestHttpReceiver().start();
    const target = await new TestHttpReceiver().start();
    receiver.fallback = { status: 307, headers: { location: `${target.url}/elsewhere` } };
    try {
      const attempt = await postWebhook({ url: `${receiver.url}/hook`, body: '{}', headers: {} });
      expect(attempt).toMatchObject({ ok: false, responseCode: 307 });
      expect(target.received).toHaveLength(0);
    } finally {
      await Promise.all([receiver.stop(), target.stop()]);
    }
  });
});

describe.each(QUEUE_BACKENDS)('webhook deliveries on the %s queue backend', (backend) => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: Person;
  let member: Person;
  let receiver: TestHttpReceiver;
  /** Every outcome of every webhook job this worker ran, by delivery id. */
  const outcomes = new Map<string, Array<'completed' | 'retry' | 'final'>>();
  const errors = new Map<string, string[]>();
  const waiters: Array<() => void> = [];

  beforeAll(async () => {
    api = await startTestApi({
      backend,
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '200' },
    });
    ({ admin, member } = await people(api));
    worker = await bootstrapWorker(api.config);
    const record = (deliveryId: string | undefined, outcome: 'completed' | 'retry' | 'final') => {
      if (!deliveryId) return;
      outcomes.set(deliveryId, [...(outcomes.get(deliveryId) ?? []), outcome]);
      for (const wake of waiters.splice(0)) wake();
    };
    const events = worker.get(QueueWorkerHost).events;
    events.on('completed', (queue: string, job: { data: { deliveryId?: string } }) => {
      if (queue === 'webhooks') record(job.data.deliveryId, 'completed');
    });
    events.on('failed', (queue: string, job: { data: { deliveryId?: string } } | undefined, error: Error) => {
      if (queue !== 'webhooks' || !job?.data.deliveryId) return;
      errors.set(job.data.deliveryId, [...(errors.get(job.data.deliveryId) ?? []), error.message]);
      record(job.data.deliveryId, error.message.endsWith('(last attempt)') ? 'final' : 'retry');
    });
  });
  beforeEach(async () => {
    receiver = await new TestHttpReceiver().start();
  });
  afterEach(() => receiver.stop());
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** Resolves once the delivery's jobs have reached `outcome` `times` times (already, or later). */
  function settled(deliveryId: string, outcome: 'completed' | 'final', times = 1): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if ((outcomes.get(deliveryId)?.filter((o) => o === outcome).length ?? 0) >= times) resolve();
        else waiters.push(check);
      };
      check();
    });
  }

  async function webhookFor(key: string, events: string[]): Promise<string> {
    await createTeam(api, admin, member, key);
    const { createWebhook } = await admin.client.data<{ createWebhook: { id: string } }>(CREATE_WEBHOOK, {
      input: { teamKey: key, url: `${receiver.url}/hooks/${key}`, events, secret: SECRET },
    });
    return createWebhook.id;
  }

  async function createRecommendation(key: string, title: string) {
    const { createRecommendation } = await admin.client.data<{
      createRecommendation: { id: string; identifier: string };
    }>(CREATE_REC, { input: { teamKey: key, title, ownerId: member.id } });
    return createRecommendation;
  }

  async function deliveries(key: string): Promise<Delivery[]> {
    const { team } = await admin.client.data<{ team: { webhooks: Array<{ deliveries: Delivery[] }> } }>(TEAM_WEBHOOKS, {
      key,
    });
    return team.webhooks.flatMap((webhook) => webhook.deliveries);
  }

  const deliveryIdOf = (request: ReceivedRequest) => request.headers['x-docket-delivery'] as string;

  it('signs the raw body with the secret and sends the contract’s body and headers', async () => {
    await webhookFor('SIG', ['RECOMMENDATION_CREATED', 'STATE_CHANGED']);
    const rec = await createRecommendation('SIG', 'Expand energy trade');
    const [created] = await receiver.waitFor((r) => r.headers['x-docket-event'] === 'RECOMMENDATION_CREATED');
    expect(created!.method).toBe('POST');
    expect(created!.path).toBe('/hooks/SIG');
    expect(created!.headers['content-type']).toBe('application/json');
    expect(created!.headers['user-agent']).toBe('Docket-Webhooks');
    expect(created!.headers['x-docket-signature']).toBe(sign(created!.body));
    expect(created!.headers['x-docket-signature']).not.toBe(sign(created!.body, 'another-secret'));

    const body = JSON.parse(created!.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['id', 'event', 'createdAt', 'team', 'recommendation', 'actor', 'changes']);
    expect(body).toMatchObject({
      id: deliveryIdOf(created!),
      event: 'RECOMMENDATION_CREATED',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      team: { key: 'SIG', name: 'Team SIG' },
      recommendation: {
        id: rec.id,
        identifier: rec.identifier,
        title: 'Expand energy trade',
        state: { key: 'PROPOSED', name: 'Proposed', category: 'UNSTARTED' },
        priority: expect.any(String),
        owner: { id: member.id, name: 'member', email: member.email },
        dueAt: null,
      },
      actor: { id: admin.id, name: 'admin' },
      changes: expect.any(Array),
    });
    expect(Object.keys(body['recommendation'] as object)).toEqual([
      'id',
      'identifier',
      'title',
      'state',
      'priority',
      'owner',
      'dueAt',
    ]);

    await admin.client.data(TRANSITION, { input: { recommendationId: rec.id, toState: 'ACCEPTED' } });
    const [moved] = await receiver.waitFor((r) => r.headers['x-docket-event'] === 'STATE_CHANGED');
    const movedBody = JSON.parse(moved!.body) as { event: string; changes: unknown[]; recommendation: object };
    expect(moved!.headers['x-docket-signature']).toBe(sign(moved!.body));
    expect(movedBody.event).toBe('STATE_CHANGED');
    expect(movedBody.changes).toContainEqual({ field: 'state', from: 'PROPOSED', to: 'ACCEPTED' });
    expect(movedBody.recommendation).toMatchObject({ state: { key: 'ACCEPTED', name: 'Accepted' } });

    await settled(deliveryIdOf(moved!), 'completed');
    const [latest] = await deliveries('SIG');
    expect(latest).toMatchObject({
      id: deliveryIdOf(moved!),
      event: 'STATE_CHANGED',
      status: 'SENT',
      attempts: 1,
      responseCode: 200,
      lastError: null,
      deliveredAt: expect.any(String),
    });
  });

  it('retries a receiver that answers 500 twice, under one delivery id, and ends SENT after 3 attempts', async () => {
    await webhookFor('RTY', ['RECOMMENDATION_CREATED']);
    receiver.answer(500, 500);
    await createRecommendation('RTY', 'Retry me');
    const attempts = await receiver.waitFor(() => true, 3);
    const ids = new Set(attempts.map(deliveryIdOf));
    expect(ids.size).toBe(1);
    const [deliveryId] = [...ids] as [string];
    // The same bytes and signature every time.
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.headers['x-docket-signature'])).size).toBe(1);
    // Backoff: at least the base, then at least double it.
    expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(190);
    expect(attempts[2]!.receivedAt - attempts[1]!.receivedAt).toBeGreaterThanOrEqual(390);

    await settled(deliveryId, 'completed');
    expect(receiver.received).toHaveLength(3);
    expect(await deliveries('RTY')).toEqual([
      expect.objectContaining({ id: deliveryId, status: 'SENT', attempts: 3, responseCode: 200, lastError: null }),
    ]);
  });

  it('records FAILED after 6 attempts, and at 20 failures in a row disables the webhook and tells the ADMINs', async () => {
    const webhookId = await webhookFor('FAIL', ['RECOMMENDATION_CREATED']);
    // 19 deliveries already failed in a row: this one is the 20th.
    await api.database.query(`UPDATE webhooks SET consecutive_failures = 19 WHERE id = $1`, [webhookId]);
    receiver.fallback = 500;
    await createRecommendation('FAIL', 'Never delivered');
    const [first] = await receiver.waitFor(() => true);
    const deliveryId = deliveryIdOf(first!);
    await settled(deliveryId, 'final');

    expect(receiver.received.map(deliveryIdOf)).toEqual(new Array(6).fill(deliveryId));
    expect(await deliveries('FAIL')).toEqual([
      expect.objectContaining({
        id: deliveryId,
        status: 'FAILED',
        attempts: 6,
        responseCode: 500,
        lastError: 'HTTP 500',
      }),
    ]);
    const [webhook] = await api.database.query<{ enabled: boolean; consecutive_failures: number }>(
      `SELECT enabled, consecutive_failures FROM webhooks WHERE id = $1`,
      [webhookId],
    );
    expect(webhook).toEqual({ enabled: false, consecutive_failures: 20 });
    const { notifications } = await admin.client.data<{
      notifications: { nodes: Array<{ kind: string; title: string }> };
    }>(`{ notifications(first: 50) { nodes { kind title } } }`);
    expect(notifications.nodes).toContainEqual({
      kind: 'WEBHOOK_DISABLED',
      title: `[FAIL] Webhook disabled: ${receiver.url}/hooks/FAIL`,
    });
    // A disabled webhook cannot be redelivered to.
    expect((await admin.client.error(REDELIVER, { id: deliveryId })).extensions?.code).toBe('CONFLICT');
  });

  it('redelivers the same body under the same id, for ADMINs only', async () => {
    await webhookFor('RED', ['RECOMMENDATION_CREATED']);
    await createRecommendation('RED', 'Send me twice');
    const [original] = await receiver.waitFor(() => true);
    const deliveryId = deliveryIdOf(original!);
    await settled(deliveryId, 'completed');

    expect((await member.client.error(REDELIVER, { id: deliveryId })).extensions?.code).toBe('NOT_FOUND');
    const { redeliverWebhook } = await admin.client.data<{ redeliverWebhook: { id: string; attempts: number } }>(
      REDELIVER,
      { id: deliveryId },
    );
    expect(redeliverWebhook.id).toBe(deliveryId);
    const [, again] = await receiver.waitFor(() => true, 2);
    expect(deliveryIdOf(again!)).toBe(deliveryId);
    expect(again!.body).toBe(original!.body);
    expect(again!.headers['x-docket-signature']).toBe(original!.headers['x-docket-signature']);
    await settled(deliveryId, 'completed', 2);
    expect(await deliveries('RED')).toEqual([expect.objectContaining({ id: deliveryId, status: 'SENT', attempts: 1 })]);
  });

  it('checks the address again at send time', async () => {
    await webhookFor('DNS', ['RECOMMENDATION_CREATED']);
    const known = new Set(outcomes.keys());
    // The API and the worker share this settings object: private networks are now refused, as if the
    // webhook's name had come to resolve to a private address after it was created.
    api.config.webhookAllowPrivateNetworks = false;
    let deliveryId: string;
    try {
      await createRecommendation('DNS', 'Rebound');
      deliveryId = await new Promise<string>((resolve) => {
        const check = () => {
          const fresh = [...outcomes.entries()].find(([id, seen]) => !known.has(id) && seen.includes('retry'));
          if (fresh) resolve(fresh[0]);
          else waiters.push(check);
        };
        check();
      });
    } finally {
      api.config.webhookAllowPrivateNetworks = true;
    }
    expect(receiver.received).toHaveLength(0);
    expect(errors.get(deliveryId)?.[0]).toContain('resolves to 127.0.0.1');
    await settled(deliveryId, 'completed');
    expect(receiver.received.map(deliveryIdOf)).toEqual([deliveryId]);
    expect(await deliveries('DNS')).toEqual([expect.objectContaining({ id: deliveryId, status: 'SENT', attempts: 2 })]);
  });

  it('reconcile queues a delivery whose job was lost', async () => {
    const webhookId = await webhookFor('REC', ['RECOMMENDATION_CREATED']);
    // A delivery recorded a minute ago whose job never reached the queue.
    const [row] = await api.database.query<{ id: string }>(
      `INSERT INTO webhook_deliveries (webhook_id, event, body, created_at)
       VALUES ($1, 'RECOMMENDATION_CREATED', '{"lost":true}', now() - interval '1 minute') RETURNING id`,
      [webhookId],
    );
    await worker.get(MaintenanceProcessor).reconcile();
    const [request] = await receiver.waitFor((r) => deliveryIdOf(r) === row!.id);
    expect(request!.body).toBe('{"lost":true}');
    expect(request!.headers['x-docket-signature']).toBe(sign('{"lost":true}'));
    await settled(row!.id, 'completed');
    expect(await deliveries('REC')).toEqual([expect.objectContaining({ id: row!.id, status: 'SENT' })]);
  });
});
