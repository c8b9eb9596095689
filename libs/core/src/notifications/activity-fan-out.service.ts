import { RecommendationEntity, TeamEntity } from '@docket/data';
import { type ActivityKind, type FieldChange, findState, planActivityNotifications } from '@docket/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { policyOf } from '../reminders/reminder-context';
import { recipientsByIds } from '../reminders/reminder-recipients';
import { ReminderSender } from '../reminders/reminder-sender.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { notificationBody } from './notification-body';
import { NotificationsService } from './notifications.service';

interface ActivityRow {
  id: string;
  kind: ActivityKind;
  recommendation_id: string;
  actor_id: string | null;
  comment_id: string | null;
  changes: FieldChange[];
  created_at: Date;
}

/**
 * Turns one committed activity into its notifications (ASSIGNED, MENTION, COMMENT, STATE_CHANGED), once:
 * `notified_at` is set in the same transaction, and deliveries are unique per activity × recipient × channel.
 */
@Injectable()
export class ActivityFanOut {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    private readonly notifications: NotificationsService,
    private readonly reminders: ReminderSender,
    private readonly webhooks: WebhooksService,
  ) {}

  /** Returns how many people were notified; 0 as well when the activity was handled before. */
  async fanOut(activityId: string): Promise<number> {
    const [head] = (await this.dataSource.query(
      `SELECT kind, recommendation_id, notified_at FROM activities WHERE id = $1`,
      [activityId],
    )) as Array<{ kind: ActivityKind; recommendation_id: string; notified_at: Date | null }>;
    if (!head || head.notified_at) return 0;
    // A deadline set or moved into the past owes one OVERDUE at once; keyed by this activity, it goes out once.
    if (head.kind === 'DUE_DATE_CHANGED' || head.kind === 'CREATED') {
      await this.reminders.catchUpOverdue(head.recommendation_id, activityId);
    }
    return this.notify(activityId);
  }

  private notify(activityId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [activity] = (await manager.query(
        `SELECT id, kind, recommendation_id, actor_id, comment_id, changes, created_at FROM activities
          WHERE id = $1 AND notified_at IS NULL FOR UPDATE SKIP LOCKED`,
        [activityId],
      )) as ActivityRow[];
      if (!activity) return 0;
      const recommendation = await manager.findOneByOrFail(RecommendationEntity, { id: activity.recommendation_id });
      const team = await manager.findOneByOrFail(TeamEntity, { id: recommendation.teamId });
      const [people] = (await manager.query(
        `SELECT ARRAY(SELECT user_id FROM stakeholders WHERE recommendation_id = $1) AS stakeholders,
                ARRAY(SELECT user_id FROM comment_mentions WHERE comment_id = $2) AS mentions`,
        [recommendation.id, activity.comment_id],
      )) as [{ stakeholders: string[]; mentions: string[] }];
      const enteredState = activity.changes.find((change) => change.field === 'state')?.to;
      const planned = planActivityNotifications({
        kind: activity.kind,
        actorId: activity.actor_id,
        changes: activity.changes,
        identifier: `${team.key}-${recommendation.number}`,
        title: recommendation.title,
        ownerId: recommendation.ownerId,
        stakeholderIds: people.stakeholders,
        mentionedIds: people.mentions,
        stateName: enteredState ? findState(team.workflow, enteredState)?.name : undefined,
      });
      const recipients = new Map(
        (
          await recipientsByIds(
            manager,
            team.id,
            planned.map((p) => p.userId),
          )
        ).map((r) => [r.id, r]),
      );
      const channels = policyOf(team).channels.filter((channel) => channel !== 'WEBHOOK');
      for (const plan of planned) {
        const recipient = recipients.get(plan.userId);
        if (!recipient) continue;
        await this.notifications.deliver(manager, [recipient], {
          kind: plan.kind,
          teamId: team.id,
          recommendationId: recommendation.id,
          title: plan.title,
          body: await notificationBody(manager, recommendation, team, plan.title, this.config.publicUrl),
          key: `activity-${activity.id}`,
          channels,
        });
      }
      // Webhook deliveries are planned under the same mark, so they are exactly as reliable as notifications.
      await this.webhooks.planDeliveries(manager, activity, recommendation, team);
      await manager.query(`UPDATE activities SET notified_at = now() WHERE id = $1`, [activity.id]);
      return planned.length;
    });
  }

  /** Activities whose fan-out was lost (a crash between commit and queue): older than `olderThanMs`, never notified. */
  async unnotified(olderThanMs: number, limit = 500): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM activities WHERE notified_at IS NULL AND created_at < now() - $1 * interval '1 millisecond'
        ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }
}
