import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Team')
export class TeamModel {
  @Field(() => ID)
  id: string;

  @Field({ description: '2 to 5 capital letters; prefixes identifiers, e.g. KOR-3.' })
  key: string;

  @Field()
  name: string;

  @Field()
  timezone: string;

  @Field()
  createdAt: Date;
}
