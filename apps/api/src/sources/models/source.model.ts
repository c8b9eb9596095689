import { Field, ID, ObjectType } from '@nestjs/graphql';

/** The Source type; recommendationCount is a resolved field. */
@ObjectType('Source')
export class SourceModel {
  /** Not exposed; kept for resolvers. */
  teamId: string;

  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => [String])
  authors: string[];

  @Field(() => String, { nullable: true })
  publisher: string | null;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;
}
