import type { ReminderKind } from '@docket/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Each reminder occurrence that went out, once: the REMINDER_SENT activity is written with its row. */
@Entity('sent_reminders')
@Index('sent_reminders_subject_id_idx', ['subjectId'])
export class SentReminderEntity {
  /** `reminder-<subject>-<fireAt epoch ms>-<KIND>`, the occurrence's key. */
  @PrimaryColumn({ name: 'occurrence_key', type: 'varchar', length: 200 })
  occurrenceKey: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ReminderKind;

  @Column({ name: 'fire_at', type: 'timestamptz' })
  fireAt: Date;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
