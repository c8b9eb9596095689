import type { StakeholderRole } from '@docket/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { RecommendationEntity } from './recommendation.entity';
import { UserEntity } from './user.entity';

/** A user's RACI role on a recommendation; one row per user and recommendation. */
@Entity('stakeholders')
// Also serves lookups by recommendation (its leading column).
@Index('stakeholders_recommendation_id_user_id_key', ['recommendationId', 'userId'], { unique: true })
export class StakeholderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recommendation_id', type: 'uuid' })
  recommendationId: string;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'stakeholders_recommendation_id_fkey' })
  recommendation?: RecommendationEntity;

  @Index('stakeholders_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'stakeholders_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  role: StakeholderRole;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}
