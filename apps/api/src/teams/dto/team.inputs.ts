import { MAX_NAME_LENGTH, type Role as RoleName } from '@docket/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

import { Role } from '../../graphql/enums';

const TEAM_KEY_MESSAGE = 'a team key is 2 to 5 capital letters, e.g. KOR';

@InputType()
export class CreateTeamInput {
  @Field()
  @Matches(/^[A-Z]{2,5}$/, { message: TEAM_KEY_MESSAGE })
  key: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_NAME_LENGTH)
  name: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone name; default UTC.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;
}

@InputType()
export class AddTeamMemberInput {
  @Field()
  @IsString()
  teamKey: string;

  @Field({ description: 'An unknown email invites a new user, who can register with it later.' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME_LENGTH)
  name?: string | null;

  @Field(() => Role)
  @IsIn(Object.values(Role))
  role: RoleName;
}

@InputType()
export class UpdateTeamMemberInput {
  @Field()
  @IsString()
  teamKey: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id' })
  userId: string;

  @Field(() => Role)
  @IsIn(Object.values(Role))
  role: RoleName;
}
