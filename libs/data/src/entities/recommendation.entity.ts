import type { Priority } from '@docket/domain';
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

import { SourceEntity } from './source.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

/** What the stored `search` column holds; kept in step with the migration. */
export const RECOMMENDATION_SEARCH_EXPRESSION = `to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, ''))`;

@Entity('recommendations')
@Index('recommendations_team_id_number_key', ['teamId', 'number'], { unique: true })
@Index('recommendations_team_id_state_key_idx', ['teamId', 'stateKey'])
// Keyset pages of the `recommendations` list, one per sort order (1764900000000-recommendation-list-indexes).
@Index('recommendations_team_id_created_at_id_idx', ['teamId', 'createdAt', 'id'])
@Index('recommendations_team_id_updated_at_id_idx', ['teamId', 'updatedAt', 'id'])
@Index('recommendations_team_id_due_at_id_idx', ['teamId', 'dueAt', 'id'])
export class RecommendationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'recommendations_team_id_fkey' })
  team?: TeamEntity;

  /** The document it came from; a source of the same team. */
  @Index('recommendations_source_id_idx')
  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  @ManyToOne(() => SourceEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'recommendations_source_id_fkey' })
  source?: SourceEntity | null;

  /** Per team, from 1, never reused: `KOR-3` is number 3 of team KOR. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Markdown. */
  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16, default: 'NONE' })
  priority: Priority;

  // GIN (for `labels && $1`) is beyond TypeORM's index options: the migration creates it, the schema diff leaves it alone.
  @Index('recommendations_labels_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  labels: string[];

  @Index('recommendations_owner_id_idx')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'recommendations_owner_id_fkey' })
  owner?: UserEntity | null;

  @Index('recommendations_due_at_idx')
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** A key of the team's workflow states. */
  @Column({ name: 'state_key', type: 'varchar', length: 50 })
  stateKey: string;

  /** Set on entering a COMPLETED state, cleared on leaving it. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'snoozed_until', type: 'timestamptz', nullable: true })
  snoozedUntil: Date | null;

  /** Rises by one on every change; clients send it back as expectedVersion. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'recommendations_created_by_id_fkey' })
  createdBy?: UserEntity | null;

  /** Reminder occurrences up to this instant were sent or passed over; a deadline, owner or state change moves it to now. */
  @Column({ name: 'reminder_cursor', type: 'timestamptz', nullable: true })
  reminderCursor: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Full-text search over title and description, maintained by Postgres; never selected or written. */
  // GIN is beyond TypeORM's index options: the migration creates it, the schema diff leaves it alone.
  @Index('recommendations_search_idx', { synchronize: false })
  @Column({
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: RECOMMENDATION_SEARCH_EXPRESSION,
  })
  search?: string | null;
}
