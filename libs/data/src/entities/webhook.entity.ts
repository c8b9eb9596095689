import type { WebhookEvent } from '@docket/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { TeamEntity } from './team.entity';

/** A team's subscription: each activity whose event it names is POSTed to `url`, signed with `secret`. */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('webhooks_team_id_idx')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'webhooks_team_id_fkey' })
  team?: TeamEntity;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEvent[];

  /** Kept as given (an HMAC needs it); never returned by the API. */
  @Column({ type: 'varchar', length: 200 })
  secret: string;

  /** Turned off after too many deliveries FAILED in a row; a disabled webhook gets no new deliveries. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Deliveries that ended FAILED since the last one SENT. */
  @Column({ name: 'consecutive_failures', type: 'int', default: 0 })
  consecutiveFailures: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
