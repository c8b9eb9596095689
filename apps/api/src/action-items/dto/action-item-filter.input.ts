import type { ActionItemStatus as ActionItemStatusName } from '@docket/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsArray, IsBoolean, IsOptional, IsString, IsUUID } from 'class-validator';

import { ActionItemStatus } from '../models/action-item-status.enum';

const ID_MESSAGE = 'must be an id';

@InputType('ActionItemFilter')
export class ActionItemFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  teamKey?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  recommendationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  assigneeId?: string | null;

  @Field(() => [ActionItemStatus], { nullable: true, description: 'Any of these.' })
  @IsOptional()
  @IsArray()
  statuses?: ActionItemStatusName[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Past the deadline and still TODO or IN_PROGRESS.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
}
