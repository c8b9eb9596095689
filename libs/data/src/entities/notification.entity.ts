import type { NotificationKind } from '@docket/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { RecommendationEntity } from './recommendation.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

/** An in-app notification. `dedupeKey` makes each (occurrence or activity) × recipient land once. */
@Entity('notifications')
@Index('notifications_user_id_created_at_id_idx', ['userId', 'createdAt', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notifications_user_id_fkey' })
  user?: UserEntity;

  @Index('notifications_team_id_idx')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'notifications_team_id_fkey' })
  team?: TeamEntity;

  @Index('notifications_recommendation_id_idx')
  @Column({ name: 'recommendation_id', type: 'uuid', nullable: true })
  recommendationId: string | null;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'notifications_recommendation_id_fkey' })
  recommendation?: RecommendationEntity | null;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Index('notifications_dedupe_key_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
