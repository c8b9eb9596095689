import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { CommentEntity } from './comment.entity';
import { UserEntity } from './user.entity';

/** A team member named as `@email` in a comment; rewritten when the comment is edited. */
@Entity('comment_mentions')
export class CommentMentionEntity {
  @PrimaryColumn({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'comment_mentions_comment_id_fkey' })
  comment?: CommentEntity;

  // For "where was I mentioned"; the primary key covers lookups by comment.
  @Index('comment_mentions_user_id_idx')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'comment_mentions_user_id_fkey' })
  user?: UserEntity;
}
