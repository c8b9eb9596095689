import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { RecommendationEntity } from './recommendation.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

/** A comment on a recommendation, or a reply to one. Deleting is soft: the row stays, its body emptied. */
@Entity('comments')
// Keyset pagination walks (created_at, id) within one recommendation.
@Index('comments_recommendation_id_created_at_id_idx', ['recommendationId', 'createdAt', 'id'])
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recommendation_id', type: 'uuid' })
  recommendationId: string;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'comments_recommendation_id_fkey' })
  recommendation?: RecommendationEntity;

  /** Copied from the recommendation: access checks on a comment id need no join through it. */
  @Index('comments_team_id_idx')
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'comments_team_id_fkey' })
  team?: TeamEntity;

  @Index('comments_author_id_idx')
  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'comments_author_id_fkey' })
  author?: UserEntity;

  /** The comment this one replies to, on the same recommendation. */
  @Index('comments_parent_id_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'comments_parent_id_fkey' })
  parent?: CommentEntity | null;

  /** Markdown as written; emptied on delete. */
  @Column({ type: 'text' })
  body: string;

  // clock_timestamp(), like activities: comments keep the order they were written in.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
