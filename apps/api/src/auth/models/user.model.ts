import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field({ description: 'IANA time zone name, e.g. Asia/Seoul.' })
  timezone: string;

  @Field({ description: 'Whether notifications are also sent by email.' })
  emailNotifications: boolean;

  @Field({ description: 'False for a user who was invited to a team and has not registered yet.' })
  registered: boolean;

  @Field()
  createdAt: Date;
}
