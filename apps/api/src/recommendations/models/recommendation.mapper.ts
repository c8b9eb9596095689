import type { ActivityPage } from '@docket/core';
import type { ActivityEntity, RecommendationEntity } from '@docket/data';

import type { ActivityConnectionModel, ActivityModel } from './activity.model';
import type { RecommendationModel } from './recommendation.model';

export const toRecommendationModel = (r: RecommendationEntity): RecommendationModel => ({
  id: r.id,
  teamId: r.teamId,
  stateKey: r.stateKey,
  ownerId: r.ownerId,
  createdById: r.createdById,
  sourceId: r.sourceId,
  number: r.number,
  title: r.title,
  description: r.description,
  priority: r.priority,
  labels: r.labels,
  dueAt: r.dueAt,
  snoozedUntil: r.snoozedUntil,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  completedAt: r.completedAt,
});

export const toActivityModel = (a: ActivityEntity): ActivityModel => ({
  id: a.id,
  actorId: a.actorId,
  commentId: a.commentId,
  recommendationId: a.recommendationId,
  kind: a.kind,
  changes: a.changes.map((change) => ({ field: change.field, from: change.from, to: change.to })),
  createdAt: a.createdAt,
});

export const toActivityConnection = (page: ActivityPage, after: string | null): ActivityConnectionModel => {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: toActivityModel(edge.node) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
};
