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
}

export type QueueName = keyof QueueJobs;
export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = QueueJobs[Q][N];

export const QUEUE_NAMES: readonly QueueName[] = ['maintenance'];
