import { NotificationEntity } from '@docket/data';
import {
  assertPageSize,
  decodeCursor,
  encodeCursor,
  type KeysetPosition,
  type NotificationKind,
  type ReminderChannel,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { AfterCommit } from '../events/after-commit';
import { DomainEvents } from '../events/domain-events';
import { QueueService } from '../queues/queues.module';

export interface NotificationRecipient {
  id: string;
  email: string;
  emailNotifications: boolean;
}

export interface NotificationDraft {
  kind: NotificationKind;
  teamId: string;
  recommendationId: string | null;
  /** The in-app title and the email subject. */
  title: string;
  body: string;
  /** What this notification is about (an occurrence or an activity); with the recipient and channel, it is unique. */
  key: string;
  channels: readonly ReminderChannel[];
}

export interface NotificationPage {
  edges: Array<{ node: NotificationEntity; cursor: string }>;
  hasNextPage: boolean;
  totalCount: number;
}

/** Email jobs retry with backoff for about a day: a mail server that refuses for a while delays mail, never loses it. */
export const EMAIL_JOB_OPTIONS = {
  attempts: 15,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
} as const;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly afterCommit: AfterCommit,
    private readonly events: DomainEvents,
    private readonly queues: QueueService,
  ) {}

  /**
   * Records one notification for each recipient on each channel, inside the caller's transaction. A
   * (key, recipient, channel) recorded before is skipped, so retries and racing workers deliver once.
   * Emails are recorded here and sent by the deliveries queue once the transaction commits.
   */
  async deliver(manager: EntityManager, recipients: readonly NotificationRecipient[], draft: NotificationDraft) {
    const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
    const created: Array<{ id: string; userId: string }> = [];
    const emails: string[] = [];
    if (draft.channels.includes('IN_APP') && unique.length) {
      const rows = (await manager.query(
        `INSERT INTO notifications (user_id, team_id, recommendation_id, kind, title, body, dedupe_key)
         SELECT u, $2, $3, $4, $5, $6, $7 || ':' || u || ':IN_APP' FROM unnest($1::uuid[]) AS u
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, user_id`,
        [unique.map((r) => r.id), draft.teamId, draft.recommendationId, draft.kind, draft.title, draft.body, draft.key],
      )) as Array<{ id: string; user_id: string }>;
      created.push(...rows.map((row) => ({ id: row.id, userId: row.user_id })));
    }
    const emailRecipients = draft.channels.includes('EMAIL') ? unique.filter((r) => r.emailNotifications) : [];
    if (emailRecipients.length) {
      const rows = (await manager.query(
        `INSERT INTO email_deliveries (user_id, to_address, subject, body, dedupe_key)
         SELECT u, e, $3, $4, $5 || ':' || u || ':EMAIL' FROM unnest($1::uuid[], $2::text[]) AS t(u, e)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id`,
        [emailRecipients.map((r) => r.id), emailRecipients.map((r) => r.email), draft.title, draft.body, draft.key],
      )) as Array<{ id: string }>;
      emails.push(...rows.map((row) => row.id));
    }
    this.afterCommit.run(manager, () => {
      if (created.length) this.events.emit('notification.created', created);
      // A queue that is down loses nothing: the delivery is recorded, and reconcile queues it again.
      for (const deliveryId of emails) void this.enqueueEmail(deliveryId).catch(() => undefined);
    });
    return { notifications: created, emails };
  }

  /** Idempotent: the job id is the delivery's, so a delivery is queued at most once at a time. */
  enqueueEmail(deliveryId: string) {
    return this.queues.add(
      'deliveries',
      'send-email',
      { deliveryId },
      { jobId: `email-${deliveryId}`, ...EMAIL_JOB_OPTIONS },
    );
  }

  /** The caller's notifications, newest first, by keyset. */
  async page(userId: string, unreadOnly: boolean, first: number, after: string | null): Promise<NotificationPage> {
    const size = assertPageSize(first);
    const position: KeysetPosition | null = after ? decodeCursor(after) : null;
    const unread = unreadOnly ? 'AND read_at IS NULL' : '';
    const rows = (await this.dataSource.query(
      `SELECT n.*, to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
         FROM notifications n
        WHERE n.user_id = $1 ${unread}
          AND ($2::timestamptz IS NULL OR (n.created_at, n.id) < ($2::timestamptz, $3::uuid))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $4`,
      [userId, position?.at ?? null, position?.id ?? null, size + 1],
    )) as Array<Record<string, unknown> & { at: string; id: string }>;
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 ${unread}`,
      [userId],
    )) as [{ count: number }];
    const edges = rows.slice(0, size).map((row) => ({
      node: this.dataSource.getRepository(NotificationEntity).create({
        id: row.id,
        userId: row['user_id'] as string,
        teamId: row['team_id'] as string,
        recommendationId: row['recommendation_id'] as string | null,
        kind: row['kind'] as NotificationKind,
        title: row['title'] as string,
        body: row['body'] as string,
        dedupeKey: row['dedupe_key'] as string,
        createdAt: row['created_at'] as Date,
        readAt: row['read_at'] as Date | null,
      }),
      cursor: encodeCursor({ at: row.at, id: row.id }),
    }));
    return { edges, hasNextPage: rows.length > size, totalCount: count };
  }

  /** Marks the caller's notifications read (these, or all when `ids` is null); returns how many changed. */
  async markRead(userId: string, ids: readonly string[] | null): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, changed] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids],
    )) as [unknown[], number];
    return changed;
  }

  findByIds(ids: readonly string[]): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).findBy({ id: In([...ids]) });
  }
}
