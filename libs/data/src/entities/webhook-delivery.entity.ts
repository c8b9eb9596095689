import type { WebhookDeliveryStatus, WebhookEvent } from '@docket/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { ActivityEntity } from './activity.entity';
import { WebhookEntity } from './webhook.entity';

/**
 * One activity's POST to one webhook, recorded (with the exact body that is signed and sent) in the
 * transaction that marks the activity notified; unique per webhook × activity, so it is planned once.
 * Its id is the body's `id` and the `X-Docket-Delivery` header, the same on every retry.
 */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_webhook_id_activity_id_key', ['webhookId', 'activityId'], { unique: true })
@Index('webhook_deliveries_webhook_id_created_at_idx', ['webhookId', 'createdAt'])
@Index('webhook_deliveries_unsent_idx', ['createdAt'], { where: `"status" IN ('PENDING', 'SENDING')` })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'webhook_deliveries_webhook_id_fkey' })
  webhook?: WebhookEntity;

  /** Null once the activity is gone: the delivery stays on record, and can still be redelivered. */
  @Index('webhook_deliveries_activity_id_idx')
  @Column({ name: 'activity_id', type: 'uuid', nullable: true })
  activityId: string | null;

  @ManyToOne(() => ActivityEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'webhook_deliveries_activity_id_fkey' })
  activity?: ActivityEntity | null;

  @Column({ type: 'varchar', length: 32 })
  event: WebhookEvent;

  /** The exact JSON bytes that are signed and sent. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: WebhookDeliveryStatus;

  /** HTTP attempts made (each claim counts one). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** The last answer's HTTP status; null when none came. */
  @Column({ name: 'response_code', type: 'int', nullable: true })
  responseCode: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** While SENDING: until when the claiming worker owns the attempt; after it, another may take over. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
