import {
  MAX_DESCRIPTION_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_LABELS,
  MAX_TITLE_LENGTH,
  type Priority as PriorityName,
} from '@docket/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { Priority } from '../models/recommendation-enums';

const MAX_COMMENT_LENGTH = 20_000;
const ID_MESSAGE = 'must be an id';

@InputType()
export class CreateRecommendationInput {
  @Field()
  @IsString()
  teamKey: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_TITLE_LENGTH)
  title: string;

  @Field(() => String, { nullable: true, description: 'Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  sourceId?: string | null;

  @Field(() => Priority, { nullable: true })
  @IsOptional()
  priority?: PriorityName | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LABELS)
  @IsString({ each: true })
  @MaxLength(MAX_LABEL_LENGTH, { each: true })
  labels?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  ownerId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  dueAt?: Date | null;
}

/** Absent fields stay as they are; an explicit null clears the owner or the deadline. */
@InputType()
export class UpdateRecommendationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TITLE_LENGTH)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => Priority, { nullable: true })
  @IsOptional()
  priority?: PriorityName | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LABELS)
  @IsString({ each: true })
  @MaxLength(MAX_LABEL_LENGTH, { each: true })
  labels?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'null clears the owner.' })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  ownerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'null clears the deadline.' })
  @IsOptional()
  dueAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'When given and stale, the update fails with CONFLICT.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}

@InputType()
export class TransitionInput {
  @Field(() => ID)
  @IsUUID('all', { message: ID_MESSAGE })
  recommendationId: string;

  @Field()
  @IsString()
  @MaxLength(50)
  toState: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}
