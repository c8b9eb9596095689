import type { ActionItemEntity } from '@docket/data';

import type { ActionItemModel } from './action-item.model';

export const toActionItemModel = (a: ActionItemEntity): ActionItemModel => ({
  id: a.id,
  recommendationId: a.recommendationId,
  assigneeId: a.assigneeId,
  title: a.title,
  status: a.status,
  dueAt: a.dueAt,
  completedAt: a.completedAt,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});
