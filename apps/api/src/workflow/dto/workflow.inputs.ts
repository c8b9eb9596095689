import type { Role as RoleName, StateCategory as StateCategoryName } from '@docket/domain';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';

import { Role } from '../../graphql/enums';
import { StateCategory } from '../models/state-category.enum';

// Shape and size only: validateWorkflow checks the rest and names the field at fault (input.transitions[2].to).

@InputType()
export class WorkflowStateInput {
  @Field()
  key: string;

  @Field()
  name: string;

  @Field(() => StateCategory)
  category: StateCategoryName;
}

@InputType()
export class WorkflowTransitionInput {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => [Role])
  allowedRoles: RoleName[];

  @Field(() => Boolean, { nullable: true })
  allowOwner?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  requiresComment?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  requiresActionItemsDone?: boolean | null;
}

@InputType()
export class WorkflowInput {
  @Field(() => [WorkflowStateInput])
  @IsArray()
  @ArrayMaxSize(50)
  @Type(() => WorkflowStateInput)
  states: WorkflowStateInput[];

  @Field(() => [WorkflowTransitionInput])
  @IsArray()
  @ArrayMaxSize(500)
  @Type(() => WorkflowTransitionInput)
  transitions: WorkflowTransitionInput[];

  @Field()
  @IsString()
  @MaxLength(50)
  initialState: string;
}
