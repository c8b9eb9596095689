import type { ReminderPolicy, Workflow } from '@docket/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A reminder policy as stored: the domain's, arrays made mutable for JSON. */
export type StoredReminderPolicy = { -readonly [K in keyof ReminderPolicy]: ReminderPolicy[K] };

@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 2 to 5 capitals; prefixes recommendation identifiers. */
  @Index('teams_key_key', { unique: true })
  @Column({ type: 'varchar', length: 5 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timezone: string;

  /** The team's one workflow; a new team gets DEFAULT_WORKFLOW, `updateWorkflow` replaces it whole. */
  @Column({ type: 'jsonb' })
  workflow: Workflow;

  /** The number the next recommendation gets; bumped under the row lock so numbers never repeat. */
  @Column({ name: 'next_recommendation_number', type: 'int', default: 1 })
  nextRecommendationNumber: number;

  /** Durations in milliseconds; null: the contract's default policy (DEFAULT_REMINDER_POLICY). */
  @Column({ name: 'reminder_policy', type: 'jsonb', nullable: true })
  reminderPolicy: StoredReminderPolicy | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
