import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { UserEntity } from './user.entity';

export type EmailDeliveryStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';

/**
 * One email to one person, recorded before it is sent under a unique key (occurrence or activity ×
 * recipient), so a retried, stalled or raced job finds it SENT and sends nothing twice.
 */
@Entity('email_deliveries')
@Index('email_deliveries_unsent_idx', ['createdAt'], { where: `"status" IN ('PENDING', 'SENDING')` })
export class EmailDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('email_deliveries_dedupe_key_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @Index('email_deliveries_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'email_deliveries_user_id_fkey' })
  user?: UserEntity;

  @Column({ name: 'to_address', type: 'varchar', length: 320 })
  toAddress: string;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: EmailDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** While SENDING: until when the claiming worker owns the send; after it, another may take over. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
