import { ActivityEntity, type RecommendationEntity } from '@docket/data';
import { type ActivityDraft, type KeysetPosition } from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AfterCommit } from '../events/after-commit';
import type { CommittedActivity } from '../events/domain-events';
import { pagesPerRecommendation } from './pages-per-recommendation';

export interface ActivityPageRequest {
  recommendationId: string;
  first: number;
  after: KeysetPosition | null;
}

export interface ActivityPage {
  edges: Array<{ node: ActivityEntity; cursor: string }>;
  hasNextPage: boolean;
  totalCount: number;
}

interface ActivityRow {
  idx: string;
  id: string;
  recommendation_id: string;
  team_id: string;
  actor_id: string | null;
  kind: ActivityEntity['kind'];
  changes: ActivityEntity['changes'];
  comment_id: string | null;
  created_at: Date;
  /** created_at to the microsecond, for the cursor. */
  at: string;
}

/** A recommendation's history: written inside the transaction of each change, read oldest first by keyset. */
@Injectable()
export class ActivityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly afterCommit: AfterCommit,
  ) {}

  /**
   * Writes the entries of one change, in order, through the caller's transaction. `notified`: the caller
   * plans their notifications and webhooks itself in this transaction, so no fan-out job follows.
   */
  async record(
    manager: EntityManager,
    recommendation: Pick<RecommendationEntity, 'id' | 'teamId'>,
    actorId: string | null,
    drafts: readonly ActivityDraft[],
    { notified = false }: { notified?: boolean } = {},
  ): Promise<CommittedActivity[]> {
    // One statement each, so that clock_timestamp() orders them as written.
    const written: CommittedActivity[] = [];
    for (const draft of drafts) {
      const row = {
        recommendationId: recommendation.id,
        teamId: recommendation.teamId,
        actorId,
        kind: draft.kind,
        changes: draft.changes,
        commentId: draft.commentId ?? null,
        notifiedAt: notified ? new Date() : null,
      };
      const { identifiers, generatedMaps } = await manager.insert(ActivityEntity, row);
      written.push({
        id: String(identifiers[0]?.['id']),
        recommendationId: row.recommendationId,
        teamId: row.teamId,
        actorId,
        kind: row.kind,
        changes: row.changes,
        commentId: row.commentId,
        createdAt: (generatedMaps[0]?.['createdAt'] as Date | undefined) ?? new Date(),
        notified,
      });
    }
    this.afterCommit.track(manager, written);
    return written;
  }

  /**
   * One page per request, for any number of recommendations in two statements (the DataLoader batches
   * a list's `activity` fields into one call).
   */
  async pages(requests: readonly ActivityPageRequest[]): Promise<ActivityPage[]> {
    if (requests.length === 0) return [];
    const ids = [...new Set(requests.map((r) => r.recommendationId))];
    const [pages, counts] = await Promise.all([
      pagesPerRecommendation(this.dataSource, 'activities', requests, toEntity),
      this.dataSource.query(
        `SELECT recommendation_id, count(*)::int AS count FROM activities
          WHERE recommendation_id = ANY($1::uuid[]) GROUP BY recommendation_id`,
        [ids],
      ) as Promise<Array<{ recommendation_id: string; count: number }>>,
    ]);
    const countOf = new Map(counts.map((row) => [row.recommendation_id, row.count]));
    return pages.map((page, i) => ({ ...page, totalCount: countOf.get(requests[i]!.recommendationId) ?? 0 }));
  }
}

function toEntity(row: ActivityRow): ActivityEntity {
  return Object.assign(new ActivityEntity(), {
    id: row.id,
    recommendationId: row.recommendation_id,
    teamId: row.team_id,
    actorId: row.actor_id,
    kind: row.kind,
    changes: row.changes,
    commentId: row.comment_id,
    createdAt: row.created_at,
  });
}
