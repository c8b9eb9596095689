import { Writable } from 'node:stream';

import type { GraphqlClient } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';

// Types only: at run time the dynamic import below loads ical.js's CommonJS build.
type Ical = (typeof import('ical.js', { with: { 'resolution-mode': 'import' } }))['default'];

const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { key } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`;
const REMOVE_MEMBER = `mutation($teamKey: String!, $userId: ID!) { removeTeamMember(teamKey: $teamKey, userId: $userId) }`;
const CREATE_REC = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) { id identifier } }`;
const TRANSITION = `mutation($input: TransitionInput!) { transitionRecommendation(input: $input) { id } }`;
const CREATE_ITEM = `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(id: $id, input: $input) { id } }`;
const CREATE_CALENDAR_TOKEN = `mutation($name: String!) { createCalendarToken(name: $name) { token apiToken { id } } }`;

interface User {
  client: GraphqlClient;
  userId: string;
}

interface FeedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string;
  start: string;
}

/** Collects the raw log lines, to prove a feed token never reaches them. */
class LogCapture extends Writable {
  raw = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.raw += chunk.toString();
    done();
  }
}

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe('the calendar feed: GET /calendar/<token>.ics', () => {
  let api: TestApi;
  let ICAL: Ical;
  const logs = new LogCapture();
  let ada: User;
  let bob: User;

  beforeAll(async () => {
    // ical.js is an ES module with a CommonJS build; a dynamic import lets Jest's require pick the latter.
    ICAL = (await import('ical.js')).default;
    api = await startTestApi({ env: { LOG_LEVEL: 'info' }, logStream: logs });
    ada = await api.signUp('ada@example.com', 'Ada');
    bob = await api.signUp('bob@example.com', 'Bob');
  });
  afterAll(() => api.close());

  async function createRec(client: GraphqlClient, input: Record<string, unknown>) {
    return (await client.data<{ createRecommendation: { id: string; identifier: string } }>(CREATE_REC, { input }))
      .createRecommendation;
  }
  async function createItem(client: GraphqlClient, input: Record<string, unknown>) {
    return (await client.data<{ createActionItem: { id: string } }>(CREATE_ITEM, { input })).createActionItem;
  }
  async function calendarToken(client: GraphqlClient, name = 'My calendar') {
    return (
      await client.data<{ createCalendarToken: { token: string; apiToken: { id: string } } }>(CREATE_CALENDAR_TOKEN, {
        name,
      })
    ).createCalendarToken;
  }
  async function fetchFeed(token: string): Promise<Response> {
    return fetch(`${api.url}/calendar/${token}.ics`);
  }
  async function feedEvents(token: string): Promise<FeedEvent[]> {
    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    return calendar.getAllSubcomponents('vevent').map((vevent) => {
      const start = vevent.getFirstPropertyValue('dtstart') as InstanceType<Ical['Time']>;
      return {
        uid: String(vevent.getFirstPropertyValue('uid')),
        summary: String(vevent.getFirstPropertyValue('summary')),
        description: String(vevent.getFirstPropertyValue('description')),
        url: String(vevent.getFirstPropertyValue('url')),
        start: start.toJSDate().toISOString(),
      };
    });
  }

  it("lists exactly the user's open deadlines: recommendations they own and action items assigned to them", async () => {
    await ada.client.data(CREATE_TEAM, { input: { key: 'KOR', name: 'Korea' } });
    await ada.client.data(ADD_MEMBER, { input: { teamKey: 'KOR', email: 'bob@example.com', role: 'MEMBER' } });

    const dueOwn = inDays(10);
    const own = await createRec(ada.client, {
      teamKey: 'KOR',
      title: 'Scale up energy trade, LNG; nuclear',
      ownerId: ada.userId,
      dueAt: dueOwn,
    });
    await createRec(ada.client, { teamKey: 'KOR', title: 'No deadline', ownerId: ada.userId });
    const bobs = await createRec(ada.client, { teamKey: 'KOR', title: "Bob's", ownerId: bob.userId, dueAt: inDays(3) });
    const rejected = await createRec(ada.client, {
      teamKey: 'KOR',
      title: 'Rejected',
      ownerId: ada.userId,
      dueAt: inDays(4),
    });
    await ada.client.data(TRANSITION, { input: { recommendationId: rejected.id, toState: 'REJECTED', comment: 'No' } });
    const implemented = await createRec(ada.client, {
      teamKey: 'KOR',
      title: 'Done',
      ownerId: ada.userId,
      dueAt: inDays(5),
    });
    for (const toState of ['ACCEPTED', 'IN_PROGRESS', 'IMPLEMENTED']) {
      await ada.client.data(TRANSITION, { input: { recommendationId: implemented.id, toState, comment: 'Go' } });
    }

    // Action items: on Bob's recommendation, assigned to Ada; closed, undated or Bob's ones stay out.
    const dueItem = inDays(2);
    const item = await createItem(ada.client, {
      recommendationId: bobs.id,
      title: 'Draft the term sheet',
      assigneeId: ada.userId,
      dueAt: dueItem,
    });
    const done = await createItem(ada.client, {
      recommendationId: bobs.id,
      title: 'Done item',
      assigneeId: ada.userId,
      dueAt: inDays(1),
    });
    await ada.client.data(UPDATE_ITEM, { id: done.id, input: { status: 'DONE' } });
    const canceled = await createItem(ada.client, {
      recommendationId: bobs.id,
      title: 'Dropped',
      assigneeId: ada.userId,
      dueAt: inDays(1),
    });
    await ada.client.data(UPDATE_ITEM, { id: canceled.id, input: { status: 'CANCELED' } });
    await createItem(ada.client, { recommendationId: bobs.id, title: 'Someday', assigneeId: ada.userId });
    const bobsItem = await createItem(ada.client, {
      recommendationId: own.id,
      title: "Bob's item",
      assigneeId: bob.userId,
      dueAt: inDays(6),
    });
    // An open item of a closed recommendation: its work is over.
    await createItem(ada.client, {
      recommendationId: rejected.id,
      title: 'Moot',
      assigneeId: ada.userId,
      dueAt: inDays(7),
    });

    const { token } = await calendarToken(ada.client);
    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('no-store');
    const text = await response.text();
    expect(text).toContain('X-WR-CALNAME:Docket\r\n');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');

    const events = await feedEvents(token);
    expect(events.map((event) => event.uid)).toEqual([
      `action-item-${item.id}@docket`,
      `recommendation-${own.id}@docket`,
    ]);
    const [itemEvent, ownEvent] = events;
    expect(ownEvent).toEqual({
      uid: `recommendation-${own.id}@docket`,
      summary: `[${own.identifier}] Scale up energy trade, LNG; nuclear (due)`,
      description: `${own.identifier}: Scale up energy trade, LNG; nuclear\nState: Proposed\n${api.config.publicUrl}/recommendations/${own.identifier}`,
      url: `${api.config.publicUrl}/recommendations/${own.identifier}`,
      start: new Date(Math.floor(Date.parse(dueOwn) / 1000) * 1000).toISOString(),
    });
    expect(itemEvent).toMatchObject({
      summary: `[${bobs.identifier}] Draft the term sheet (due)`,
      url: `${api.config.publicUrl}/recommendations/${bobs.identifier}`,
      start: new Date(Math.floor(Date.parse(dueItem) / 1000) * 1000).toISOString(),
    });
    expect(itemEvent!.description).toContain(`Recommendation ${bobs.identifier}: Bob's`);

    // Bob's own feed: his recommendation and his item, none of Ada's.
    const bobEvents = await feedEvents((await calendarToken(bob.client)).token);
    expect(bobEvents.map((event) => event.uid).sort()).toEqual(
      [`recommendation-${bobs.id}@docket`, `action-item-${bobsItem.id}@docket`].sort(),
    );
  });

  it("never shows another user's token the items of teams they are not in, and drops a team once they leave it", async () => {
    await bob.client.data(CREATE_TEAM, { input: { key: 'ZED', name: 'Zed' } });
    const secret = await createRec(bob.client, {
      teamKey: 'ZED',
      title: 'Secret',
      ownerId: bob.userId,
      dueAt: inDays(8),
    });
    await bob.client.data(ADD_MEMBER, { input: { teamKey: 'ZED', email: 'ada@example.com', role: 'MEMBER' } });
    const adas = await createRec(bob.client, {
      teamKey: 'ZED',
      title: 'Ada in Zed',
      ownerId: ada.userId,
      dueAt: inDays(9),
    });
    const adasItem = await createItem(bob.client, {
      recommendationId: secret.id,
      title: 'Zed item',
      assigneeId: ada.userId,
      dueAt: inDays(9),
    });

    const { token } = await calendarToken(ada.client, 'Zed check');
    const before = (await feedEvents(token)).map((event) => event.uid);
    expect(before).toEqual(
      expect.arrayContaining([`recommendation-${adas.id}@docket`, `action-item-${adasItem.id}@docket`]),
    );
    expect(before).not.toContain(`recommendation-${secret.id}@docket`);

    // Removed from ZED: her rows there still name her, but she can no longer see them.
    await bob.client.data(REMOVE_MEMBER, { teamKey: 'ZED', userId: ada.userId });
    const after = await feedEvents(token);
    expect(after.map((event) => event.uid)).not.toEqual(expect.arrayContaining([`recommendation-${adas.id}@docket`]));
    expect(after.every((event) => !event.summary.startsWith('[ZED-'))).toBe(true);
    expect(after.length).toBe(before.length - 2);

    // A stranger's feed never holds either team's items.
    const carol = await api.signUp('carol@example.com', 'Carol');
    expect(await feedEvents((await calendarToken(carol.client)).token)).toEqual([]);
  });

  it('answers a revoked, unknown or API token with a bare 404, and records the use of a live one', async () => {
    const { token, apiToken } = await calendarToken(ada.client, 'Phone');
    expect((await fetchFeed(token)).status).toBe(200);
    const { apiTokens } = await ada.client.data<{ apiTokens: { id: string; lastUsedAt: string | null }[] }>(
      `{ apiTokens { id lastUsedAt } }`,
    );
    expect(apiTokens.find((listed) => listed.id === apiToken.id)?.lastUsedAt).not.toBeNull();

    await ada.client.data(`mutation($id: ID!) { revokeApiToken(id: $id) }`, { id: apiToken.id });
    const revoked = await fetchFeed(token);
    expect(revoked.status).toBe(404);
    const body = await revoked.text();
    expect(body).not.toMatch(/revoked|token|calendar/i);

    const unknown = await fetchFeed(`dkt_${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe(body);
    expect((await fetch(`${api.url}/calendar/nonsense`)).status).toBe(404);

    // An API token is for GraphQL, not for a URL a calendar app keeps.
    const { createApiToken } = await ada.client.data<{ createApiToken: { token: string } }>(
      `mutation { createApiToken(name: "CI") { token } }`,
    );
    expect((await fetchFeed(createApiToken.token)).status).toBe(404);
  });

  it('refuses a calendar token on GraphQL with UNAUTHENTICATED', async () => {
    const { token } = await calendarToken(ada.client, 'Laptop');
    const error = await api.client.as(token).error(`{ me { id } }`);
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps feed tokens out of the request log', async () => {
    const { token } = await calendarToken(ada.client, 'Logged');
    expect((await fetchFeed(token)).status).toBe(200);
    await fetchFeed(`${token.slice(0, -2)}xx`);
    // Booleans: on failure, the whole log in the message would hide the point.
    expect(logs.raw.includes('/calendar/[redacted].ics')).toBe(true);
    expect(logs.raw.includes(token.slice(4, 30))).toBe(false);
  });
});
