import { ActionItemEntity, RecommendationEntity, TeamEntity } from '@docket/data';
import {
  type FieldChange,
  isClosedCategory,
  type Occurrence,
  occurrenceKey,
  occurrencesBetween,
  REMINDER_NOTIFICATION_KIND,
  reminderActivityKind,
  reminderSubject,
} from '@docket/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { notificationBody } from '../notifications/notification-body';
import { NotificationsService } from '../notifications/notifications.service';
import { ActivityService } from '../recommendations/activity.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { actionItemScheduleInputOf, actionItemSubject, policyOf, scheduleInputOf } from './reminder-context';
import { escalationRecipients, recipientsByIds, reminderRecipients } from './reminder-recipients';
import { nextAfter, ReminderScheduler } from './reminder-scheduler.service';

const MAX_PER_RUN = 1000;

/** Of several OVERDUE repeats that fell due while no worker ran, only the latest is worth sending. */
function collapseOverdue(occurrences: Occurrence[]): Occurrence[] {
  const lastOverdue = occurrences.filter((o) => o.kind === 'OVERDUE').at(-1);
  return occurrences.filter((o) => o.kind !== 'OVERDUE' || o === lastOverdue);
}

/**
 * Sends a recommendation's due reminders. Safe to run any number of times, on any number of workers:
 * the recommendation's row lock serialises runs, each occurrence is recorded in `sent_reminders` with
 * its deliveries in one transaction, and deliveries are unique per occurrence × recipient × channel.
 */
@Injectable()
export class ReminderSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    private readonly notifications: NotificationsService,
    private readonly activity: ActivityService,
    private readonly scheduler: ReminderScheduler,
    private readonly webhooks: WebhooksService,
  ) {}

  /** Sends what is due up to now, moves the cursor, and schedules the next occurrence. */
  async fire(recommendationId: string, now = new Date()): Promise<{ sent: Occurrence[] }> {
    const { sent, next } = await this.dataSource.transaction(async (manager) => {
      const recommendation = await manager.findOne(RecommendationEntity, {
        where: { id: recommendationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!recommendation?.dueAt) return { sent: [], next: undefined };
      const team = await manager.findOneByOrFail(TeamEntity, { id: recommendation.teamId });
      const [{ starts_after: startsAfter }] = (await manager.query(
        `SELECT ${ReminderScheduler.STARTS_AFTER} AS starts_after FROM recommendations r WHERE r.id = $1`,
        [recommendation.id],
      )) as [{ starts_after: Date | null }];
      const from = new Date((startsAfter ?? now).getTime() + 1);
      const input = scheduleInputOf(recommendation, team);
      const due = collapseOverdue(occurrencesBetween(input, from, now, MAX_PER_RUN));
      const delivered: Occurrence[] = [];
      for (const occurrence of due) {
        if (await this.send(manager, recommendation, team, occurrence)) delivered.push(occurrence);
      }
      await manager.query(`UPDATE recommendations SET reminder_cursor = GREATEST(reminder_cursor, $2) WHERE id = $1`, [
        recommendation.id,
        now,
      ]);
      // Under the row lock nothing else changes the schedule: the next occurrence follows from what is loaded.
      return { sent: delivered, next: nextAfter(input, new Date(now.getTime() + 1), now) };
    });
    if (next) await this.scheduler.enqueue(recommendationId, next);
    return { sent };
  }

  /**
   * Sends an action item's due reminders to its assignee (while a team member), moves its cursor, and
   * schedules the next occurrence. Serialised by the item's row lock, like `fire`.
   */
  async fireActionItem(actionItemId: string, now = new Date()): Promise<{ sent: Occurrence[] }> {
    const { sent, next } = await this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(ActionItemEntity, {
        where: { id: actionItemId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item?.dueAt) return { sent: [], next: undefined };
      const recommendation = await manager.findOneByOrFail(RecommendationEntity, { id: item.recommendationId });
      const team = await manager.findOneByOrFail(TeamEntity, { id: item.teamId });
      const [{ starts_after: startsAfter }] = (await manager.query(
        `SELECT ${ReminderScheduler.ITEM_STARTS_AFTER} AS starts_after FROM action_items i WHERE i.id = $1`,
        [item.id],
      )) as [{ starts_after: Date | null }];
      const from = new Date((startsAfter ?? now).getTime() + 1);
      const input = actionItemScheduleInputOf(item, recommendation, team);
      const due = collapseOverdue(occurrencesBetween(input, from, now, MAX_PER_RUN));
      const delivered: Occurrence[] = [];
      for (const occurrence of due) {
        if (await this.sendActionItem(manager, item, recommendation, team, occurrence)) delivered.push(occurrence);
      }
      // Not through the entity: that would move `updated_at`, which marks changes of the item itself.
      await manager.query(`UPDATE action_items SET reminder_cursor = GREATEST(reminder_cursor, $2) WHERE id = $1`, [
        item.id,
        now,
      ]);
      return {
        sent: delivered,
        next: item.assigneeId ? nextAfter(input, new Date(now.getTime() + 1), now) : undefined,
      };
    });
    if (next) await this.scheduler.enqueueActionItem(actionItemId, next);
    return { sent };
  }

  /**
   * The one OVERDUE owed at once when a deadline is set or moved into the past, keyed by the change
   * that set it; nothing when the deadline has moved again, or the recommendation is closed or snoozed.
   */
  async catchUpOverdue(recommendationId: string, activityId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const recommendation = await manager.findOne(RecommendationEntity, {
        where: { id: recommendationId },
        lock: { mode: 'pessimistic_write' },
      });
      const [change] = (await manager.query(
        `SELECT created_at, changes FROM activities WHERE id = $1 AND recommendation_id = $2`,
        [activityId, recommendationId],
      )) as Array<{ created_at: Date; changes: Array<{ field: string; to: string | null }> }>;
      if (!recommendation?.dueAt || !change) return false;
      const team = await manager.findOneByOrFail(TeamEntity, { id: recommendation.teamId });
      const setTo = change.changes.find((c) => c.field === 'dueAt')?.to;
      const stillThatDeadline = setTo ? new Date(setTo).getTime() === recommendation.dueAt.getTime() : true;
      const input = scheduleInputOf(recommendation, team);
      const snoozed = recommendation.snoozedUntil && recommendation.snoozedUntil > new Date();
      if (!stillThatDeadline || isClosedCategory(input.category) || snoozed) return false;
      if (recommendation.dueAt >= change.created_at) return false;
      const occurrence: Occurrence = {
        kind: 'OVERDUE',
        fireAt: change.created_at,
        offsetMs: change.created_at.getTime() - recommendation.dueAt.getTime(),
      };
      return this.send(manager, recommendation, team, occurrence);
    });
  }

  /** Records an action item's occurrence once, with its delivery to the assignee and its activity on the recommendation. */
  private async sendActionItem(
    manager: EntityManager,
    item: ActionItemEntity,
    recommendation: RecommendationEntity,
    team: TeamEntity,
    occurrence: Occurrence,
  ): Promise<boolean> {
    const key = occurrenceKey(actionItemSubject(item.id), occurrence);
    const inserted = (await manager.query(
      `INSERT INTO sent_reminders (occurrence_key, subject_id, kind, fire_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (occurrence_key) DO NOTHING RETURNING occurrence_key`,
      [key, item.id, occurrence.kind, occurrence.fireAt],
    )) as unknown[];
    if (!inserted.length) return false;
    const recipients = item.assigneeId ? await recipientsByIds(manager, team.id, [item.assigneeId]) : [];
    const identifier = `${team.key}-${recommendation.number}`;
    const title = reminderSubject(identifier, occurrence, item.title);
    const body = await notificationBody(manager, recommendation, team, title, this.config.publicUrl);
    await this.notifications.deliver(manager, recipients, {
      kind: REMINDER_NOTIFICATION_KIND[occurrence.kind],
      teamId: team.id,
      recommendationId: recommendation.id,
      title,
      // The recommendation's body, naming the item and its own deadline in place of the recommendation's.
      body: body.replace(/^Deadline: .*$/m, () =>
        [
          `Action item: ${item.title}`,
          `Deadline: ${item.dueAt?.toISOString() ?? 'none'}`,
          `Recommendation: ${recommendation.title}`,
        ].join('\n'),
      ),
      key,
      channels: policyOf(team).channels,
    });
    await this.recordSent(manager, recommendation, team, occurrence, [
      { field: 'actionItem', from: null, to: item.id },
      { field: 'reminder', from: null, to: occurrence.kind },
    ]);
    return true;
  }

  /** Records the occurrence once, with its deliveries and its activity; false when it was sent before. */
  private async send(
    manager: EntityManager,
    recommendation: RecommendationEntity,
    team: TeamEntity,
    occurrence: Occurrence,
  ): Promise<boolean> {
    const key = occurrenceKey(recommendation.id, occurrence);
    const inserted = (await manager.query(
      `INSERT INTO sent_reminders (occurrence_key, subject_id, kind, fire_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (occurrence_key) DO NOTHING RETURNING occurrence_key`,
      [key, recommendation.id, occurrence.kind, occurrence.fireAt],
    )) as unknown[];
    if (!inserted.length) return false;
    const recipients =
      occurrence.kind === 'ESCALATION'
        ? await escalationRecipients(manager, team.id)
        : await reminderRecipients(manager, recommendation.id);
    const identifier = `${team.key}-${recommendation.number}`;
    const title = reminderSubject(identifier, occurrence, recommendation.title);
    await this.notifications.deliver(manager, recipients, {
      kind: REMINDER_NOTIFICATION_KIND[occurrence.kind],
      teamId: team.id,
      recommendationId: recommendation.id,
      title,
      body: await notificationBody(manager, recommendation, team, title, this.config.publicUrl),
      key,
      channels: policyOf(team).channels,
    });
    await this.recordSent(manager, recommendation, team, occurrence, [
      { field: 'reminder', from: null, to: occurrence.kind },
    ]);
    return true;
  }

  /** The REMINDER_SENT (or ESCALATED) activity, already notified, with its webhooks planned. */
  private async recordSent(
    manager: EntityManager,
    recommendation: RecommendationEntity,
    team: TeamEntity,
    occurrence: Occurrence,
    changes: FieldChange[],
  ): Promise<void> {
    // Its webhooks are planned here, in the same transaction, so the activity needs no fan-out job of its own.
    const [activity] = await this.activity.record(
      manager,
      recommendation,
      null,
      [{ kind: reminderActivityKind(occurrence.kind), changes }],
      { notified: true },
    );
    await this.webhooks.planDeliveries(
      manager,
      {
        id: activity!.id,
        kind: activity!.kind,
        actor_id: null,
        changes: activity!.changes,
        created_at: activity!.createdAt,
      },
      recommendation,
      team,
    );
  }
}
