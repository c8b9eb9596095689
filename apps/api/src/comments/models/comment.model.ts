import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { PageInfoModel } from '../../graphql/page-info.model';

/** The Comment type; recommendation, author, parent and mentions are resolved fields. */
@ObjectType('Comment')
export class CommentModel {
  /** Resolved through the request's loaders. */
  recommendationId: string;
  authorId: string;
  parentId: string | null;

  @Field(() => ID)
  id: string;

  @Field({ description: 'Markdown as written; empty once deleted.' })
  body: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field(() => Date, { nullable: true })
  deletedAt: Date | null;
}

@ObjectType('CommentEdge')
export class CommentEdgeModel {
  @Field()
  cursor: string;

  @Field(() => CommentModel)
  node: CommentModel;
}

@ObjectType('CommentConnection')
export class CommentConnectionModel {
  @Field(() => [CommentEdgeModel])
  edges: CommentEdgeModel[];

  @Field(() => [CommentModel])
  nodes: CommentModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
