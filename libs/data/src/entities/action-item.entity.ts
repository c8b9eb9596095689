import type { ActionItemStatus } from '@docket/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { RecommendationEntity } from './recommendation.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

/** A step of a recommendation's implementation; its open ones hold back `requiresActionItemsDone` transitions. */
@Entity('action_items')
// A recommendation's items are listed in position order.
@Index('action_items_recommendation_id_position_idx', ['recommendationId', 'position'])
export class ActionItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recommendation_id', type: 'uuid' })
  recommendationId: string;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'action_items_recommendation_id_fkey' })
  recommendation?: RecommendationEntity;

  /** Copied from the recommendation, so that team-wide lists need no join. */
  @Index('action_items_team_id_idx')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'action_items_team_id_fkey' })
  team?: TeamEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 16, default: 'TODO' })
  status: ActionItemStatus;

  @Index('action_items_assignee_id_idx')
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'action_items_assignee_id_fkey' })
  assignee?: UserEntity | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** Set on entering DONE, cleared on leaving it. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Reminder occurrences up to this instant were sent or passed over (`updated_at` also bounds them). */
  @Column({ name: 'reminder_cursor', type: 'timestamptz', nullable: true })
  reminderCursor: Date | null;

  /** Order within the recommendation: a new item goes last. */
  @Column({ type: 'int' })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
