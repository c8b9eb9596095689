import { Field, ObjectType } from '@nestjs/graphql';

/** A recommendation as `previewImport` finds it in a document, before anything is saved. */
@ObjectType('ParsedRecommendation')
export class ParsedRecommendationModel {
  @Field()
  title: string;

  @Field()
  description: string;
}
