import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { TeamEntity } from './team.entity';

/** The report, audit or review a team's recommendations come from; imports create one per document. */
@Entity('sources')
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('sources_team_id_idx')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'sources_team_id_fkey' })
  team?: TeamEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  authors: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  publisher: string | null;

  /** http(s) only, checked before it is stored. */
  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
