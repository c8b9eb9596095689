import type { CommentPage } from '@docket/core';
import type { CommentEntity } from '@docket/data';
import { visibleCommentBody } from '@docket/domain';

import type { CommentConnectionModel, CommentModel } from './comment.model';

export const toCommentModel = (c: CommentEntity): CommentModel => ({
  id: c.id,
  recommendationId: c.recommendationId,
  authorId: c.authorId,
  parentId: c.parentId,
  body: visibleCommentBody(c),
  createdAt: c.createdAt,
  editedAt: c.editedAt,
  deletedAt: c.deletedAt,
});

export const toCommentConnection = (page: CommentPage, after: string | null): CommentConnectionModel => {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: toCommentModel(edge.node) }));
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
