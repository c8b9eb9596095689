import type { Role as RoleName, StateCategory as StateCategoryName } from '@docket/domain';
import { Field, ObjectType } from '@nestjs/graphql';

import { Role } from '../../graphql/enums';
import { StateCategory } from './state-category.enum';

@ObjectType('WorkflowState')
export class WorkflowStateModel {
  @Field({ description: 'Upper snake case, e.g. IN_PROGRESS.' })
  key: string;

  @Field()
  name: string;

  @Field(() => StateCategory)
  category: StateCategoryName;
}

@ObjectType('WorkflowTransition')
export class WorkflowTransitionModel {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => [Role], { description: 'Roles that may take this transition.' })
  allowedRoles: RoleName[];

  @Field({ description: "The recommendation's owner may take it whatever their role." })
  allowOwner: boolean;

  @Field()
  requiresComment: boolean;

  @Field({ description: 'Refused while any action item is TODO or IN_PROGRESS.' })
  requiresActionItemsDone: boolean;
}

@ObjectType('Workflow')
export class WorkflowModel {
  @Field(() => [WorkflowStateModel])
  states: WorkflowStateModel[];

  @Field(() => [WorkflowTransitionModel])
  transitions: WorkflowTransitionModel[];

  @Field(() => WorkflowStateModel)
  initialState: WorkflowStateModel;
}
