import type { ReceivedEmail } from '@docket/testing';
import { QUEUE_BACKENDS } from '@docket/testing';

import { NOTIFICATIONS, ReminderWorld, seconds, UPDATE } from './support/reminder-world';

/** Seconds-long durations, so a whole schedule plays out in a few seconds. */
const FAST_POLICY = {
  remindBefore: ['PT2S'],
  remindOnDue: true,
  overdueEvery: 'PT2S',
  escalateAfter: 'PT3S',
  channels: ['IN_APP', 'EMAIL'],
};

const receivedAt = new WeakMap<ReceivedEmail, number>();

describe.each(QUEUE_BACKENDS)('reminders on the %s queue backend', (backend) => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await new ReminderWorld(backend).start();
    world.smtp.on('email', (email: ReceivedEmail) => receivedAt.set(email, Date.now()));
    await world.setPolicy(FAST_POLICY);
    await world.startWorker();
  });
  afterAll(() => world.stop());

  const emailTo = (to: string, subject: string) =>
    world.smtp.waitFor((email) => email.to.includes(to) && email.subject.startsWith(subject));

  it('sends UPCOMING, DUE, OVERDUE and ESCALATION on both channels, on time and never early', async () => {
    const dueAt = seconds(4);
    const rec = await world.create('Expand energy trade', dueAt);
    const expected: Array<[string, string, number]> = [
      [world.owner.email, `[${rec.identifier}] Due in 2 seconds: Expand energy trade`, dueAt.getTime() - 2000],
      [world.owner.email, `[${rec.identifier}] Due now: Expand energy trade`, dueAt.getTime()],
      [world.owner.email, `[${rec.identifier}] Overdue by 2 seconds: Expand energy trade`, dueAt.getTime() + 2000],
      [world.manager.email, `[${rec.identifier}] Escalation`, dueAt.getTime() + 3000],
    ];
    for (const [to, subject, fireAt] of expected) {
      const email = await emailTo(to, subject);
      const at = receivedAt.get(email) ?? Date.now();
      expect(at).toBeGreaterThanOrEqual(fireAt);
      expect(at - fireAt).toBeLessThan(5000);
      expect(email.text).toContain(`Deadline: ${dueAt.toISOString()}`);
      expect(email.text).toContain('State: Proposed');
      expect(email.text).toContain(`/recommendations/${rec.identifier}`);
    }
    const { notifications } = await world.owner.client.data<{
      notifications: { nodes: Array<{ kind: string; title: string; recommendation: { identifier: string } }> };
    }>(NOTIFICATIONS, { first: 100 });
    const kinds = notifications.nodes.filter((n) => n.recommendation?.identifier === rec.identifier).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['REMINDER_UPCOMING', 'REMINDER_DUE', 'REMINDER_OVERDUE']));
    const escalations = await world.manager.client.data<{ notifications: { nodes: Array<{ kind: string }> } }>(
      NOTIFICATIONS,
      { first: 100 },
    );
    expect(escalations.notifications.nodes.map((n) => n.kind)).toContain('ESCALATION');

    const sent = await world.api.database.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM activities WHERE recommendation_id = $1 AND kind IN ('REMINDER_SENT', 'ESCALATED') GROUP BY kind`,
      [rec.id],
    );
    expect(Object.fromEntries(sent.map((row) => [row.kind, row.n]))).toMatchObject({ ESCALATED: 1 });
    // Each occurrence reached the owner once by email.
    const dueNow = world.smtp.received.filter((e) => e.subject === `[${rec.identifier}] Due now: Expand energy trade`);
    expect(dueNow).toHaveLength(1);
  });

  it('sends nothing for a moved deadline or a closed recommendation', async () => {
    const moved = await world.create('Moved away', seconds(3));
    const closed = await world.create('Closed early', seconds(3));
    const sentinel = await world.create('Sentinel', seconds(4));
    await world.admin.client.data(UPDATE, { id: moved.id, input: { dueAt: seconds(3600).toISOString() } });
    await world.admin.client.data(
      `mutation($input: TransitionInput!) { transitionRecommendation(input: $input) { id } }`,
      { input: { recommendationId: closed.id, toState: 'REJECTED', comment: 'Out of scope' } },
    );
    // Once the sentinel's DUE (due a second after the others) has arrived, theirs would have too.
    await emailTo(world.owner.email, `[${sentinel.identifier}] Due now`);
    const about = (identifier: string) =>
      world.smtp.received.filter((e) => e.subject.startsWith(`[${identifier}] Due now`));
    expect(about(moved.identifier)).toHaveLength(0);
    expect(about(closed.identifier)).toHaveLength(0);
  });

  it('reminds the assignee of an action item on time, never early, never escalating, and not once it is done', async () => {
    const CREATE_ITEM = `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`;
    const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(id: $id, input: $input) { id } }`;
    const rec = await world.create('Hold the steering meeting', seconds(3600));
    const createItem = async (title: string, dueAt: Date) => {
      const { createActionItem } = await world.admin.client.data<{ createActionItem: { id: string } }>(CREATE_ITEM, {
        input: { recommendationId: rec.id, title, assigneeId: world.manager.id, dueAt: dueAt.toISOString() },
      });
      return createActionItem.id;
    };
    const dueAt = seconds(4);
    const item = await createItem('Book the meeting room', dueAt);
    const done = await createItem('Draft the agenda', seconds(4));
    await world.admin.client.data(UPDATE_ITEM, { id: done, input: { status: 'DONE' } });

    const expected: Array<[string, number]> = [
      [`[${rec.identifier}] Due in 2 seconds: Book the meeting room`, dueAt.getTime() - 2000],
      [`[${rec.identifier}] Due now: Book the meeting room`, dueAt.getTime()],
      [`[${rec.identifier}] Overdue by 2 seconds: Book the meeting room`, dueAt.getTime() + 2000],
    ];
    for (const [subject, fireAt] of expected) {
      const email = await emailTo(world.manager.email, subject);
      const at = receivedAt.get(email) ?? Date.now();
      expect(at).toBeGreaterThanOrEqual(fireAt);
      expect(at - fireAt).toBeLessThan(5000);
      expect(email.text).toContain(`Deadline: ${dueAt.toISOString()}`);
      expect(email.text).toContain(`/recommendations/${rec.identifier}`);
    }
    // The next OVERDUE comes after escalateAfter (3 s): an escalation would have arrived by then.
    await emailTo(world.manager.email, `[${rec.identifier}] Overdue by 4 seconds: Book the meeting room`);
    const about = (title: string) => world.smtp.received.filter((e) => e.subject.endsWith(`: ${title}`));
    expect(about('Book the meeting room').filter((e) => e.subject.includes('Escalation'))).toHaveLength(0);
    expect(about('Book the meeting room').filter((e) => e.subject.includes('Due now'))).toHaveLength(1);
    expect(about('Draft the agenda').filter((e) => e.subject.includes('Due now'))).toHaveLength(0);
    expect(about('Book the meeting room').every((e) => e.to.includes(world.manager.email))).toBe(true);

    const sent = await world.api.database.query<{ changes: Array<{ field: string; to: string | null }> }>(
      `SELECT changes FROM activities WHERE recommendation_id = $1 AND kind = 'REMINDER_SENT'`,
      [rec.id],
    );
    const forItem = sent.filter((row) => row.changes.some((c) => c.field === 'actionItem' && c.to === item));
    expect(forItem.map((row) => row.changes.find((c) => c.field === 'reminder')?.to)).toEqual(
      expect.arrayContaining(['UPCOMING', 'DUE', 'OVERDUE']),
    );
    // Stop its OVERDUE repeats.
    await world.admin.client.data(UPDATE_ITEM, { id: item, input: { status: 'DONE' } });
  });
});
