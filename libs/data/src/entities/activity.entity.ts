import type { ActivityKind, FieldChange } from '@docket/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CommentEntity } from './comment.entity';
import { RecommendationEntity } from './recommendation.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

/** One entry of a recommendation's history, written in the same transaction as the change it records. */
@Entity('activities')
// Keyset pagination walks (created_at, id) within one recommendation.
@Index('activities_recommendation_id_created_at_id_idx', ['recommendationId', 'createdAt', 'id'])
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recommendation_id', type: 'uuid' })
  recommendationId: string;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'activities_recommendation_id_fkey' })
  recommendation?: RecommendationEntity;

  @Index('activities_team_id_idx')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'activities_team_id_fkey' })
  team?: TeamEntity;

  /** Null for the system (reminders) or a deleted user. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'activities_actor_id_fkey' })
  actor?: UserEntity | null;

  @Column({ type: 'varchar', length: 32 })
  kind: ActivityKind;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes: FieldChange[];

  /** The comment this entry carries (a transition's or COMMENT_ADDED). */
  @Column({ name: 'comment_id', type: 'uuid', nullable: true })
  commentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'activities_comment_id_fkey' })
  comment?: CommentEntity | null;

  /** When its notifications were planned; the reconcile job picks up entries left null after a crash. */
  @Index('activities_unnotified_idx', { where: '"notified_at" IS NULL' })
  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  // clock_timestamp(), not now(): entries written by one transaction keep the order they were written in.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
