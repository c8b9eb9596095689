import type { ActivityKind as ActivityKindName } from '@docket/domain';
import { Field, ObjectType } from '@nestjs/graphql';

import { ActivityModel } from '../../recommendations/models/activity.model';
import { RecommendationModel } from '../../recommendations/models/recommendation.model';
import { ActivityKind } from '../../recommendations/models/recommendation-enums';

@ObjectType('RecommendationEvent', { description: "One committed change of a team's recommendation, as it is now." })
export class RecommendationEventModel {
  @Field(() => ActivityKind)
  kind: ActivityKindName;

  @Field(() => RecommendationModel)
  recommendation: RecommendationModel;

  @Field(() => ActivityModel, { nullable: true })
  activity: ActivityModel | null;
}
