/**
 * Every queue and job of Docket, with its payload. Payloads carry ids only; Postgres is the truth.
 *
 * Queue names live on in Redis keys and in the `bullmq.job` table: never rename one without first
 * draining it, or its waiting jobs are orphaned.
 */
export interface QueueJobs {
  maintenance: {
    /** Deletes API tokens revoked more than `PURGE_REVOKED_TOKENS_AFTER_DAYS` ago. */
    'purge-revoked-tokens': Record<string, never>;
  };
  reminders: {
    /** Sends the recommendation's reminder occurrences that are due and not yet sent, then schedules the next. */
    'fire-recommendation': { recommendationId: string };
    /** The one OVERDUE reminder owed at once when a deadline is set or moved into the past. */
    'catch-up-overdue': { recommendationId: string; activityId: string };
    /** Sends the action item's reminder occurrences that are due and not yet sent (to its assignee), then schedules the next. */
    'fire-action-item': { actionItemId: string };
  };
  notifications: {
    /** Plans and delivers the notifications of one committed activity (ASSIGNED, MENTION, COMMENT, STATE_CHANGED). */
    'fan-out-activity': { activityId: string };
  };
  deliveries: {
    /** Sends one recorded email delivery, unless it was already sent. */
    'send-email': { deliveryId: string };
  };
  webhooks: {
    /** POSTs one recorded webhook delivery, unless it was already sent or gave up. */
    deliver: { deliveryId: string };
  };
}

export type QueueName = keyof QueueJobs;
export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = QueueJobs[Q][N];

export const QUEUE_NAMES: readonly QueueName[] = [
  'maintenance',
  'reminders',
  'notifications',
  'deliveries',
  'webhooks',
];
