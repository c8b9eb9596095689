import type { CommentPage } from '@docket/core';
import type { CommentEntity } from '@docket/data';
import { visibleCommentBody } from '@docket/domain';

import { toConnection } from '../../graphql/connection';
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
  return { ...toConnection(page, after, toCommentModel), totalCount: page.totalCount };
};
