import type { ActivityPage } from '@docket/core';
import type { ActivityEntity, RecommendationEntity } from '@docket/data';

import { toConnection } from '../../graphql/connection';
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
  return { ...toConnection(page, after, toActivityModel), totalCount: page.totalCount };
};
