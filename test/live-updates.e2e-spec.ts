import type { AddressInfo } from 'node:net';

import { DOCKET_CONFIG, LivePubSub, type RuntimeConfig, teamChannel, userChannel } from '@docket/core';
import { GraphqlClient, type QueueBackendKind, testConfig, WsTestClient } from '@docket/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { createApiApp } from '../apps/api/src/main';
import { bootstrapWorker } from '../apps/worker/src/main';
import { startTestApi, type TestApi } from './support/api-harness';

const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id key } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`;
const CREATE = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) { id identifier } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRecommendationInput!) {
  updateRecommendation(id: $id, input: $input) { id } }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;

const RECOMMENDATION_CHANGED = `subscription($teamKey: String!) { recommendationChanged(teamKey: $teamKey) {
  kind recommendation { id identifier title team { key } } activity { kind actor { id } changes { field from to } } } }`;
const COMMENT_ADDED = `subscription($id: ID!) { commentAdded(recommendationId: $id) {
  id body author { id } recommendation { id } } }`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { id kind title recommendation { id } } }`;

interface RecommendationEvent {
  recommendationChanged: {
    kind: string;
    recommendation: { id: string; identifier: string; title: string; team: { key: string } };
    activity: { kind: string; actor: { id: string } | null; changes: { field: string; to: string | null }[] } | null;
  };
}

interface User {
  id: string;
  token: string;
  client: GraphqlClient;
}

/** A second API process on the first one's database, Redis prefix and JWT secret. */
async function startSecondApi(
  first: TestApi,
  backend: QueueBackendKind,
): Promise<{ app: NestExpressApplication; url: string }> {
  const { queuePrefix } = first.app.get<RuntimeConfig>(DOCKET_CONFIG);
  const config = testConfig({ databaseUrl: first.database.url, backend, env: { QUEUE_PREFIX: queuePrefix } });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

/** Resolves once `app` has subscribed `channel` in the store: from then on nothing published is missed. */
function subscribed(app: INestApplicationContext, channel: string): Promise<void> {
  const events = app.get(LivePubSub).events;
  return new Promise((resolve) => {
    const listener = (subscribedChannel: string) => {
      if (subscribedChannel !== channel) return;
      events.off('subscribed', listener);
      resolve();
    };
    events.on('subscribed', listener);
  });
}

describe.each<QueueBackendKind>(['redis', 'postgres'])('live updates over graphql-ws (%s pub/sub)', (backend) => {
  let api: TestApi;
  let second: { app: NestExpressApplication; url: string };
  let alice: User;
  let bob: User;
  let carol: User;
  let teamId: string;
  let carolTeamId: string;
  const sockets: WsTestClient[] = [];

  const user = async (email: string): Promise<User> => {
    const { client, token, userId } = await api.signUp(email);
    return { id: userId, token, client };
  };
  const ws = (token?: string, url = api.url) => {
    const client = new WsTestClient(url, token);
    sockets.push(client);
    return client;
  };
  const create = async (as: User, teamKey: string, title: string, extra: Record<string, unknown> = {}) =>
    (
      await as.client.data<{ createRecommendation: { id: string; identifier: string } }>(CREATE, {
        input: { teamKey, title, ...extra },
      })
    ).createRecommendation;

  beforeAll(async () => {
    api = await startTestApi({ backend });
    expect(api.app.get(LivePubSub).kind).toBe(backend);
    second = await startSecondApi(api, backend);
    alice = await user(`alice-${backend}@example.com`);
    bob = await user(`bob-${backend}@example.com`);
    carol = await user(`carol-${backend}@example.com`);
    type Team = { createTeam: { id: string } };
    teamId = (await alice.client.data<Team>(CREATE_TEAM, { input: { key: 'LIV', name: 'Live' } })).createTeam.id;
    await alice.client.data(ADD_MEMBER, {
      input: { teamKey: 'LIV', email: `bob-${backend}@example.com`, role: 'MANAGER' },
    });
    carolTeamId = (await carol.client.data<Team>(CREATE_TEAM, { input: { key: 'CAR', name: 'Carol' } })).createTeam.id;
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
  });

  afterAll(async () => {
    await second?.app.close();
    await api?.close();
  });

  it('sends a teammate one event per committed change, with the recommendation as it now is', async () => {
    const socket = ws(bob.token);
    const live = subscribed(api.app, teamChannel(teamId));
    const events = socket.subscribe<RecommendationEvent>(RECOMMENDATION_CHANGED, { teamKey: 'LIV' });
    await live;

    const created = await create(alice, 'LIV', 'Scale up energy trade');
    const first = await events.next();
    expect(first.errors).toBeUndefined();
    expect(first.data?.recommendationChanged).toEqual({
      kind: 'CREATED',
      recommendation: {
        id: created.id,
        identifier: created.identifier,
        title: 'Scale up energy trade',
        team: { key: 'LIV' },
      },
      activity: expect.objectContaining({ kind: 'CREATED', actor: { id: alice.id } }),
    });

    await alice.client.data(UPDATE, { id: created.id, input: { title: 'Scale up LNG trade' } });
    const second = (await events.next()).data?.recommendationChanged;
    expect(second?.kind).toBe('UPDATED');
    // Reloaded per event: the new title, not what the subscription's first event cached.
    expect(second?.recommendation.title).toBe('Scale up LNG trade');
    expect(second?.activity?.changes).toContainEqual(
      expect.objectContaining({ field: 'title', to: 'Scale up LNG trade' }),
    );
  });

  it('delivers a change made on another API process', async () => {
    const socket = ws(bob.token);
    const live = subscribed(api.app, teamChannel(teamId));
    const events = socket.subscribe<RecommendationEvent>(RECOMMENDATION_CHANGED, { teamKey: 'LIV' });
    await live;

    const elsewhere = new GraphqlClient(second.url).as(alice.token);
    const { createRecommendation } = await elsewhere.data<{ createRecommendation: { id: string } }>(CREATE, {
      input: { teamKey: 'LIV', title: 'Made on the second process' },
    });
    const event = (await events.next()).data?.recommendationChanged;
    expect(event).toMatchObject({
      kind: 'CREATED',
      recommendation: { id: createRecommendation.id, title: 'Made on the second process' },
    });
  });

  it.each([
    ['no token', undefined],
    ['an invalid token', 'not-a-token'],
  ])('closes the socket with 4401 for %s', async (_label, token) => {
    const socket = ws(token);
    const events = socket.subscribe(RECOMMENDATION_CHANGED, { teamKey: 'LIV' });
    expect(await socket.closed).toMatchObject({ code: 4401 });
    await expect(events.next()).rejects.toThrow(/4401|subscription failed/);
  });

  it('answers NOT_FOUND for a team one is not in, or none, and keeps the socket open', async () => {
    const socket = ws(carol.token);
    for (const teamKey of ['LIV', 'NOPE']) {
      const refused = socket.subscribe<RecommendationEvent>(RECOMMENDATION_CHANGED, { teamKey });
      const result = await refused.next();
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      await refused.completed;
    }

    // The same connection then serves a valid subscription.
    const live = subscribed(api.app, teamChannel(carolTeamId));
    const events = socket.subscribe<RecommendationEvent>(RECOMMENDATION_CHANGED, { teamKey: 'CAR' });
    await live;
    const created = await create(carol, 'CAR', 'Carol only');
    expect((await events.next()).data?.recommendationChanged.recommendation.id).toBe(created.id);
    expect(socket.closes).toEqual([]);
    expect(socket.connections).toBe(1);
  });

  it("never sends an outsider another team's events", async () => {
    const teammate = ws(bob.token).subscribe<RecommendationEvent>(RECOMMENDATION_CHANGED, { teamKey: 'LIV' });
    const carolLive = subscribed(api.app, teamChannel(carolTeamId));
    const outsider = ws(carol.token).subscribe<RecommendationEvent>(RECOMMENDATION_CHANGED, { teamKey: 'CAR' });
    await carolLive;

    const secret = await create(alice, 'LIV', 'Not for Carol');
    expect((await teammate.next()).data?.recommendationChanged.recommendation.id).toBe(secret.id);
    // Published after LIV's event by the same process: were LIV's event to reach Carol, it would come first.
    const own = await create(carol, 'CAR', "Carol's own");
    const first = (await outsider.next()).data?.recommendationChanged;
    expect(first?.recommendation).toMatchObject({ id: own.id, team: { key: 'CAR' } });
  });

  it('holds subscriptions to the depth limit of queries', async () => {
    const nest = (levels: number): string =>
      levels === 0 ? 'id' : `recommendation { activity { nodes { ${nest(levels - 1)} } } }`;
    const socket = ws(bob.token);
    const tooDeep = socket.subscribe(`subscription { recommendationChanged(teamKey: "LIV") { ${nest(4)} } }`);
    await expect(tooDeep.next()).rejects.toThrow(/maximum depth of 12.*GRAPHQL_VALIDATION_FAILED/);
    expect(socket.closes).toEqual([]);
  });

  it("stops sending a team's events to someone removed from it, at once", async () => {
    const dave = await user(`dave-${backend}@example.com`);
    const add = () =>
      alice.client.data(ADD_MEMBER, {
        input: { teamKey: 'LIV', email: `dave-${backend}@example.com`, role: 'MEMBER' },
      });
    await add();
    const live = subscribed(api.app, teamChannel(teamId));
    const events = ws(dave.token).subscribe<RecommendationEvent>(RECOMMENDATION_CHANGED, { teamKey: 'LIV' });
    await live;

    await alice.client.data(`mutation($userId: ID!) { removeTeamMember(teamKey: "LIV", userId: $userId) }`, {
      userId: dave.id,
    });
    await create(alice, 'LIV', 'After Dave left');
    await add();
    // Published after the one Dave must not see: were that one sent to him, it would come first.
    const back = await create(alice, 'LIV', 'After Dave came back');
    expect((await events.next()).data?.recommendationChanged.recommendation.id).toBe(back.id);
  });

  it('sends commentAdded to members of the recommendation team, NOT_FOUND to others', async () => {
    const recommendation = await create(alice, 'LIV', 'Discussed live');
    const refused = ws(carol.token).subscribe(COMMENT_ADDED, { id: recommendation.id });
    expect((await refused.next()).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const live = subscribed(api.app, teamChannel(teamId));
    const comments = ws(bob.token).subscribe<{ commentAdded: { id: string; body: string; author: { id: string } } }>(
      COMMENT_ADDED,
      { id: recommendation.id },
    );
    await live;
    // A comment elsewhere in the team is not this subscription's.
    const other = await create(alice, 'LIV', 'Another one');
    await alice.client.data(ADD_COMMENT, { input: { recommendationId: other.id, body: 'Elsewhere' } });
    const { addComment } = await alice.client.data<{ addComment: { id: string } }>(ADD_COMMENT, {
      input: { recommendationId: recommendation.id, body: 'Looks good' },
    });
    expect((await comments.next()).data?.commentAdded).toEqual({
      id: addComment.id,
      body: 'Looks good',
      author: { id: alice.id },
      recommendation: { id: recommendation.id },
    });
  });

  it("brings the worker's notifications to the API's subscriber, and only to their recipient", async () => {
    const { queuePrefix } = api.app.get<RuntimeConfig>(DOCKET_CONFIG);
    const worker = await bootstrapWorker(
      testConfig({ databaseUrl: api.database.url, backend, env: { QUEUE_PREFIX: queuePrefix } }),
    );
    try {
      const bobLive = subscribed(api.app, userChannel(bob.id));
      const notifications = ws(bob.token).subscribe<{
        notificationAdded: { id: string; kind: string; recommendation: { id: string } | null };
      }>(NOTIFICATION_ADDED);
      const aliceLive = subscribed(api.app, userChannel(alice.id));
      const actorNotifications = ws(alice.token).subscribe<{
        notificationAdded: { kind: string; recommendation: { id: string } | null };
      }>(NOTIFICATION_ADDED);
      await Promise.all([bobLive, aliceLive]);

      const assigned = await create(alice, 'LIV', 'Yours now', { ownerId: bob.id });
      const notification = (await notifications.next(20_000)).data?.notificationAdded;
      expect(notification).toMatchObject({ kind: 'ASSIGNED', recommendation: { id: assigned.id } });
      const [row] = await api.database.query<{ user_id: string }>(`SELECT user_id FROM notifications WHERE id = $1`, [
        notification?.id,
      ]);
      expect(row?.user_id).toBe(bob.id);
      // Alice acted, so she got nothing; her first notification is the one meant for her.
      const hers = await create(bob, 'LIV', 'Yours, Alice', { ownerId: alice.id });
      expect((await actorNotifications.next(20_000)).data?.notificationAdded).toMatchObject({
        kind: 'ASSIGNED',
        recommendation: { id: hers.id },
      });
    } finally {
      await worker.close();
    }
  });
});
