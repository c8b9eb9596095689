import { type ActionItemStatus as ActionItemStatusName, MAX_ACTION_ITEM_TITLE_LENGTH } from '@docket/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { ActionItemStatus } from '../models/action-item-status.enum';

const ID_MESSAGE = 'must be an id';

@InputType()
export class CreateActionItemInput {
  @Field(() => ID)
  @IsUUID('all', { message: ID_MESSAGE })
  recommendationId: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_ACTION_ITEM_TITLE_LENGTH)
  title: string;

  @Field(() => ID, { nullable: true, description: 'A member of the recommendation’s team.' })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  assigneeId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  dueAt?: Date | null;
}

/** Absent fields stay as they are; an explicit null clears the assignee or the deadline. */
@InputType()
export class UpdateActionItemInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ACTION_ITEM_TITLE_LENGTH)
  title?: string | null;

  @Field(() => ActionItemStatus, { nullable: true, description: 'The only field an assignee may change.' })
  @IsOptional()
  status?: ActionItemStatusName | null;

  @Field(() => ID, { nullable: true, description: 'null clears the assignee.' })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  assigneeId?: string | null;

  @Field(() => Date, { nullable: true, description: 'null clears the deadline.' })
  @IsOptional()
  dueAt?: Date | null;
}
