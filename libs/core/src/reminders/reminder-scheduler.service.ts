import { RecommendationEntity, TeamEntity } from '@docket/data';
import { type Occurrence, occurrenceKey, occurrencesBetween, type ReminderScheduleInput } from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { QueueService } from '../queues/queues.module';
import { actionItemScheduleInputOf, actionItemSubject, RESCHEDULING_KINDS, scheduleInputOf } from './reminder-context';

/** Far enough that OVERDUE repeats always have a next occurrence inside it. */
const HORIZON_MS = 400 * 24 * 3600 * 1000;
/** Reconcile makes sure every occurrence due within this window has its job (it runs every 30 s). */
export const RECONCILE_WINDOW_MS = 90_000;
/** Completed reminder jobs kept for inspection; the rows in Postgres are the record. */
const KEEP_COMPLETED = { count: 1000 };

/** The first occurrence at or after `from` (OVERDUE repeats always have one within the horizon). */
export function nextAfter(input: ReminderScheduleInput, from: Date, now = new Date()): Occurrence | undefined {
  return occurrencesBetween(input, from, new Date(now.getTime() + HORIZON_MS), 1)[0];
}

interface ScheduleRow {
  id: string;
  team_id: string;
  due_at: Date;
  state_key: string;
  snoozed_until: Date | null;
  starts_after: Date | null;
}

interface ItemScheduleRow {
  id: string;
  team_id: string;
  due_at: Date;
  status: string;
  state_key: string;
  snoozed_until: Date | null;
  starts_after: Date | null;
}

/** Options of every reminder job: retried, kept a while when done, and never blocking its id when failed. */
const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: KEEP_COMPLETED,
  // A job that ran out of attempts must not block its id: Postgres keeps what is owed, and reconcile re-adds it.
  removeOnFail: true,
} as const;

/**
 * Which reminder comes next for each recommendation, and its job. Postgres holds the truth (deadline,
 * state, snooze, policy, and `reminder_cursor`, up to which occurrences were handled); a queue that
 * forgot its jobs is refilled from it by `reconcile`.
 */
@Injectable()
export class ReminderScheduler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  /**
   * Occurrences after this instant are still owed: the later of the cursor and the last change that
   * resets the schedule (written in the same transaction as the change, so no race can send a past one).
   */
  static readonly STARTS_AFTER = `GREATEST(r.reminder_cursor, (
      SELECT max(a.created_at) FROM activities a
       WHERE a.recommendation_id = r.id AND a.kind IN (${RESCHEDULING_KINDS.map((k) => `'${k}'`).join(', ')})))`;

  /**
   * An action item's occurrences after this instant are still owed: the later of its cursor and its last
   * change (`updated_at` moves with every change of deadline, assignee or status, in the same transaction).
   */
  static readonly ITEM_STARTS_AFTER = `GREATEST(i.reminder_cursor, i.updated_at)`;

  /** The next occurrence of each recommendation, for the given ids or every open one with a deadline. */
  async nextOccurrences(
    manager: EntityManager,
    ids: readonly string[] | null,
    now = new Date(),
  ): Promise<Array<{ recommendationId: string; occurrence: Occurrence }>> {
    const rows = (await manager.query(
      `SELECT r.id, r.team_id, r.due_at, r.state_key, r.snoozed_until, ${ReminderScheduler.STARTS_AFTER} AS starts_after
         FROM recommendations r
        WHERE r.due_at IS NOT NULL AND ($1::uuid[] IS NULL OR r.id = ANY($1::uuid[]))`,
      [ids ? [...ids] : null],
    )) as ScheduleRow[];
    if (!rows.length) return [];
    const teamById = await this.teamsOf(manager, rows);
    const found: Array<{ recommendationId: string; occurrence: Occurrence }> = [];
    for (const row of rows) {
      const team = teamById.get(row.team_id);
      if (!team) continue;
      const input = scheduleInputOf(
        { dueAt: row.due_at, stateKey: row.state_key, snoozedUntil: row.snoozed_until },
        team,
      );
      const from = new Date(Math.max(row.starts_after?.getTime() ?? now.getTime(), 0) + 1);
      const next = nextAfter(input, from, now);
      if (next) found.push({ recommendationId: row.id, occurrence: next });
    }
    return found;
  }

  /**
   * The next occurrence of each action item, for the given ids or every open one with a deadline and an
   * assignee (a closed recommendation's items have none).
   */
  async nextActionItemOccurrences(
    manager: EntityManager,
    ids: readonly string[] | null,
    now = new Date(),
  ): Promise<Array<{ actionItemId: string; occurrence: Occurrence }>> {
    const rows = (await manager.query(
      `SELECT i.id, i.team_id, i.due_at, i.status, r.state_key, r.snoozed_until,
              ${ReminderScheduler.ITEM_STARTS_AFTER} AS starts_after
         FROM action_items i JOIN recommendations r ON r.id = i.recommendation_id
        WHERE i.due_at IS NOT NULL AND i.assignee_id IS NOT NULL AND i.status IN ('TODO', 'IN_PROGRESS')
          AND ($1::uuid[] IS NULL OR i.id = ANY($1::uuid[]))`,
      [ids ? [...ids] : null],
    )) as ItemScheduleRow[];
    if (!rows.length) return [];
    const teamById = await this.teamsOf(manager, rows);
    const found: Array<{ actionItemId: string; occurrence: Occurrence }> = [];
    for (const row of rows) {
      const team = teamById.get(row.team_id);
      if (!team) continue;
      const input = actionItemScheduleInputOf(
        { dueAt: row.due_at, status: row.status },
        { stateKey: row.state_key, snoozedUntil: row.snoozed_until },
        team,
      );
      const from = new Date(Math.max(row.starts_after?.getTime() ?? now.getTime(), 0) + 1);
      const next = nextAfter(input, from, now);
      if (next) found.push({ actionItemId: row.id, occurrence: next });
    }
    return found;
  }

  private async teamsOf(manager: EntityManager, rows: ReadonlyArray<{ team_id: string }>) {
    const teams = await manager
      .getRepository(TeamEntity)
      .find({ where: [...new Set(rows.map((row) => row.team_id))].map((id) => ({ id })) });
    return new Map(teams.map((team) => [team.id, team]));
  }

  /** Adds (or keeps) the job of each action item's next occurrence. */
  async scheduleActionItems(ids: readonly string[]): Promise<number> {
    if (!ids.length) return 0;
    const next = await this.nextActionItemOccurrences(this.dataSource.manager, ids);
    await Promise.all(next.map(({ actionItemId, occurrence }) => this.enqueueActionItem(actionItemId, occurrence)));
    return next.length;
  }

  /** Adds (or keeps) the job of each recommendation's next occurrence; the job id makes it idempotent. */
  async schedule(ids: readonly string[]): Promise<number> {
    const next = await this.nextOccurrences(this.dataSource.manager, ids);
    await Promise.all(next.map(({ recommendationId, occurrence }) => this.enqueue(recommendationId, occurrence)));
    // Their items follow the recommendation's state, snooze and policy: theirs are rescheduled too.
    const items = await this.scheduleActionItems(await this.actionItemIdsOf(ids));
    return next.length + items;
  }

  /** Ids of these recommendations' open action items that have a deadline. */
  async actionItemIdsOf(recommendationIds: readonly string[]): Promise<string[]> {
    if (!recommendationIds.length) return [];
    const rows = (await this.dataSource.query(
      `SELECT id FROM action_items
        WHERE recommendation_id = ANY($1::uuid[]) AND due_at IS NOT NULL AND status IN ('TODO', 'IN_PROGRESS')`,
      [[...recommendationIds]],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Every occurrence due within the window gets its job; one already past (missed while no worker ran) runs now. */
  async reconcile(now = new Date()): Promise<number> {
    const next = await this.nextOccurrences(this.dataSource.manager, null, now);
    const soon = next.filter(({ occurrence }) => occurrence.fireAt.getTime() <= now.getTime() + RECONCILE_WINDOW_MS);
    await Promise.all(soon.map(({ recommendationId, occurrence }) => this.enqueue(recommendationId, occurrence, now)));
    const items = await this.nextActionItemOccurrences(this.dataSource.manager, null, now);
    const soonItems = items.filter(
      ({ occurrence }) => occurrence.fireAt.getTime() <= now.getTime() + RECONCILE_WINDOW_MS,
    );
    await Promise.all(
      soonItems.map(({ actionItemId, occurrence }) => this.enqueueActionItem(actionItemId, occurrence, now)),
    );
    return soon.length + soonItems.length;
  }

  enqueue(recommendationId: string, occurrence: Occurrence, now = new Date()) {
    return this.queues.add(
      'reminders',
      'fire-recommendation',
      { recommendationId },
      {
        ...JOB_OPTIONS,
        jobId: occurrenceKey(recommendationId, occurrence),
        delay: Math.max(0, occurrence.fireAt.getTime() - now.getTime()),
      },
    );
  }

  enqueueActionItem(actionItemId: string, occurrence: Occurrence, now = new Date()) {
    return this.queues.add(
      'reminders',
      'fire-action-item',
      { actionItemId },
      {
        ...JOB_OPTIONS,
        jobId: occurrenceKey(actionItemSubject(actionItemId), occurrence),
        delay: Math.max(0, occurrence.fireAt.getTime() - now.getTime()),
      },
    );
  }

  /** Ids of a team's recommendations that have a deadline (after a policy change). */
  async teamRecommendationIds(teamId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(RecommendationEntity)
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where('r.team_id = :teamId AND r.due_at IS NOT NULL', { teamId })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}
