import type { ActivityKind as ActivityKindName } from '@docket/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { PageInfoModel } from '../../graphql/page-info.model';
import { ActivityKind } from './recommendation-enums';

@ObjectType('FieldChange', {
  description:
    'State keys for states, user ids for people, ISO-8601 for dates, the plain value otherwise; null for none.',
})
export class FieldChangeModel {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

// `comment: Comment` is resolved by ActivityCommentResolver (comments/).
@ObjectType('Activity')
export class ActivityModel {
  /** Resolved through the request's loaders. */
  actorId: string | null;
  recommendationId: string;
  commentId: string | null;

  @Field(() => ID)
  id: string;

  @Field(() => ActivityKind)
  kind: ActivityKindName;

  @Field(() => [FieldChangeModel])
  changes: FieldChangeModel[];

  @Field()
  createdAt: Date;
}

@ObjectType('ActivityEdge')
export class ActivityEdgeModel {
  @Field()
  cursor: string;

  @Field(() => ActivityModel)
  node: ActivityModel;
}

@ObjectType('ActivityConnection')
export class ActivityConnectionModel {
  @Field(() => [ActivityEdgeModel])
  edges: ActivityEdgeModel[];

  @Field(() => [ActivityModel])
  nodes: ActivityModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
