import { Field, ObjectType } from '@nestjs/graphql';

import { RecommendationModel } from '../../recommendations/models/recommendation.model';
import { SourceModel } from '../../sources/models/source.model';

@ObjectType('ImportResult')
export class ImportResultModel {
  @Field(() => SourceModel)
  source: SourceModel;

  @Field(() => [RecommendationModel])
  recommendations: RecommendationModel[];

  @Field(() => [String], { description: "The parser's notes, e.g. a title that was cut." })
  warnings: string[];
}
