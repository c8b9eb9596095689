import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ApiToken')
export class ApiTokenModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;
}

@ObjectType('ApiTokenPayload')
export class ApiTokenPayloadModel {
  @Field({ description: 'Shown once; only a hash is stored.' })
  token: string;

  @Field(() => ApiTokenModel)
  apiToken: ApiTokenModel;
}
