import { CommentEntity, CommentMentionEntity, MembershipEntity, type RecommendationEntity } from '@docket/data';
import {
  assertCommentBody,
  assertMayEditComment,
  assertUuid,
  authorize,
  badInput,
  commentDeleteAction,
  extractMentions,
  type KeysetPosition,
  type Role,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { ActivityService } from '../recommendations/activity.service';
import { pagesPerRecommendation } from '../recommendations/pages-per-recommendation';
import { loadRecommendationActor } from '../stakeholders/recommendation-actor.util';

export interface AddCommentParams {
  recommendationId: string;
  body: string;
  parentId?: string | null;
}

export interface CommentPageRequest {
  recommendationId: string;
  first: number;
  after: KeysetPosition | null;
}

export interface CommentPage {
  edges: Array<{ node: CommentEntity; cursor: string }>;
  hasNextPage: boolean;
  totalCount: number;
}

interface CommentRow {
  idx: string;
  id: string;
  recommendation_id: string;
  team_id: string;
  author_id: string;
  parent_id: string | null;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  /** created_at to the microsecond, for the cursor. */
  at: string;
}

const NOT_FOUND = 'Comment';

/**
 * Comments and replies on recommendations, with their `@email` mentions. Deleting is soft: the row stays
 * in the list with its body emptied. Adding records COMMENT_ADDED in the same transaction.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  async add(actorId: string, params: AddCommentParams): Promise<CommentEntity> {
    const recommendationId = assertUuid(params.recommendationId, 'input.recommendationId');
    const body = assertCommentBody(params.body, 'input.body');
    const parentId = params.parentId != null ? assertUuid(params.parentId, 'input.parentId') : null;
    return this.dataSource.transaction(async (manager) => {
      const { recommendation, actor } = await loadRecommendationActor(manager, actorId, recommendationId, {
        lock: false,
      });
      if (parentId) {
        // One answer for a parent that is missing, elsewhere, or in another team: nothing leaks.
        const parent = await manager.exists(CommentEntity, { where: { id: parentId, recommendationId } });
        if (!parent) throw badInput('input.parentId', 'no comment with this id on this recommendation');
      }
      authorize(actor, 'COMMENT', 'Recommendation');
      const comment = await this.insertIn(manager, recommendation, actorId, body, parentId);
      await this.activity.record(manager, recommendation, actorId, [
        { kind: 'COMMENT_ADDED', changes: [], commentId: comment.id },
      ]);
      return comment;
    });
  }

  /**
   * Writes a comment and its mentions through the caller's transaction, without activity or checks: for
   * `add` and for a transition's comment, whose STATE_CHANGED entry carries it.
   */
  async insertIn(
    manager: EntityManager,
    recommendation: Pick<RecommendationEntity, 'id' | 'teamId'>,
    authorId: string,
    body: string,
    parentId: string | null = null,
  ): Promise<CommentEntity> {
    const comment = await manager.save(
      manager.create(CommentEntity, {
        recommendationId: recommendation.id,
        teamId: recommendation.teamId,
        authorId,
        parentId,
        body,
        editedAt: null,
        deletedAt: null,
      }),
    );
    await this.writeMentions(manager, comment);
    return comment;
  }

  /** The author's own comment only; sets editedAt and resolves the mentions again. */
  async edit(actorId: string, id: string, bodyArg: string): Promise<CommentEntity> {
    const body = assertCommentBody(bodyArg, 'body');
    return this.dataSource.transaction(async (manager) => {
      const { comment, role } = await this.lockVisible(manager, actorId, id);
      if (comment.deletedAt) throw badInput('id', 'a deleted comment cannot be edited');
      authorize({ role }, 'COMMENT', NOT_FOUND);
      assertMayEditComment(comment.authorId === actorId);
      if (comment.body === body) return comment;
      await manager.update(CommentEntity, comment.id, { body, editedAt: () => 'clock_timestamp()' });
      const edited = await manager.findOneByOrFail(CommentEntity, { id: comment.id });
      await this.writeMentions(manager, edited);
      return edited;
    });
  }

  /** One's own comment, or anyone's for ADMIN and MANAGER. Deleting twice changes nothing more. */
  async delete(actorId: string, id: string): Promise<CommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { comment, role } = await this.lockVisible(manager, actorId, id);
      authorize({ role }, commentDeleteAction(comment.authorId === actorId), NOT_FOUND);
      if (comment.deletedAt) return comment;
      // The words go for good; the row stays so that replies keep their place in the thread.
      await manager.update(CommentEntity, comment.id, { body: '', deletedAt: () => 'clock_timestamp()' });
      await manager.delete(CommentMentionEntity, { commentId: comment.id });
      return manager.findOneByOrFail(CommentEntity, { id: comment.id });
    });
  }

  /** One page per request, oldest first, for any number of recommendations in two statements. */
  async pages(requests: readonly CommentPageRequest[]): Promise<CommentPage[]> {
    if (requests.length === 0) return [];
    const [pages, totals] = await Promise.all([
      pagesPerRecommendation(this.dataSource, 'comments', requests, toEntity),
      this.countsOf(
        requests.map((r) => r.recommendationId),
        { includeDeleted: true },
      ),
    ]);
    return pages.map((page, i) => ({ ...page, totalCount: totals[i]! }));
  }

  /** How many comments each recommendation has, in the order asked: without deleted ones unless told. */
  async countsOf(recommendationIds: readonly string[], options: { includeDeleted: boolean }): Promise<number[]> {
    if (recommendationIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT recommendation_id, count(*)::int AS count FROM comments
        WHERE recommendation_id = ANY($1::uuid[]) AND ($2 OR deleted_at IS NULL)
        GROUP BY recommendation_id`,
      [[...new Set(recommendationIds)], options.includeDeleted],
    )) as Array<{ recommendation_id: string; count: number }>;
    const countOf = new Map(rows.map((row) => [row.recommendation_id, row.count]));
    return recommendationIds.map((id) => countOf.get(id) ?? 0);
  }

  /** Without access checks: for DataLoaders resolving what the viewer already sees (parents, activity). */
  async findByIds(ids: readonly string[]): Promise<CommentEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(CommentEntity).findBy({ id: In([...ids]) });
  }

  /** The mentioned users' ids of each comment, in the order asked. */
  async mentionedUserIds(commentIds: readonly string[]): Promise<string[][]> {
    if (commentIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(CommentMentionEntity)
      .findBy({ commentId: In([...new Set(commentIds)]) });
    const byComment = new Map<string, string[]>();
    for (const row of rows) byComment.set(row.commentId, [...(byComment.get(row.commentId) ?? []), row.userId]);
    return commentIds.map((id) => byComment.get(id) ?? []);
  }

  /** Replaces the comment's mentions with the team members its body names. */
  private async writeMentions(manager: EntityManager, comment: CommentEntity): Promise<void> {
    await manager.delete(CommentMentionEntity, { commentId: comment.id });
    const emails = extractMentions(comment.body);
    if (emails.length === 0) return;
    // Only members of the comment's team: naming an outsider's address mentions nobody.
    await manager.query(
      `INSERT INTO comment_mentions (comment_id, user_id)
       SELECT $1, u.id FROM users u
         JOIN memberships m ON m.user_id = u.id AND m.team_id = $2
        WHERE u.email = ANY($3::varchar[])
       ON CONFLICT DO NOTHING`,
      [comment.id, comment.teamId, emails],
    );
  }

  /** The comment, locked, with the viewer's role in its team; NOT_FOUND alike when missing or another team's. */
  private async lockVisible(
    manager: EntityManager,
    viewerId: string,
    id: string,
  ): Promise<{ comment: CommentEntity; role: Role }> {
    const { entities, raw } = await manager
      .getRepository(CommentEntity)
      .createQueryBuilder('c')
      .leftJoin(MembershipEntity, 'm', 'm.team_id = c.team_id AND m.user_id = :viewerId', { viewerId })
      .addSelect('m.role', 'viewer_role')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['c'])
      .getRawAndEntities<{ viewer_role: Role | null }>();
    const comment = entities[0];
    const role = comment ? (raw[0]?.viewer_role ?? null) : null;
    authorize({ role }, 'READ', NOT_FOUND);
    return { comment: comment!, role: role! };
  }
}

function toEntity(row: CommentRow): CommentEntity {
  return Object.assign(new CommentEntity(), {
    id: row.id,
    recommendationId: row.recommendation_id,
    teamId: row.team_id,
    authorId: row.author_id,
    parentId: row.parent_id,
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  });
}
