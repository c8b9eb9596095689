import { MAX_NAME_LENGTH, MIN_PASSWORD_LENGTH } from '@docket/domain';
import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_NAME_LENGTH)
  name: string;

  @Field()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1024)
  password: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone name; default UTC.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;
}

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @MaxLength(1024)
  password: string;
}

@InputType()
export class UpdateMeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_NAME_LENGTH)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  emailNotifications?: boolean | null;
}
