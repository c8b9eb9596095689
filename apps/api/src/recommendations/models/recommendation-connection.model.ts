import { Field, ObjectType } from '@nestjs/graphql';

import { PageInfoModel } from '../../graphql/page-info.model';
import { RecommendationModel } from './recommendation.model';

@ObjectType('RecommendationEdge')
export class RecommendationEdgeModel {
  @Field()
  cursor: string;

  @Field(() => RecommendationModel)
  node: RecommendationModel;
}

@ObjectType('RecommendationConnection')
export class RecommendationConnectionModel {
  @Field(() => [RecommendationEdgeModel])
  edges: RecommendationEdgeModel[];

  @Field(() => [RecommendationModel])
  nodes: RecommendationModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  /** Resolves `totalCount` (RecommendationConnectionResolver): counted only when a client asks. */
  countTotal: () => Promise<number>;
}
