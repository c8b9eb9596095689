import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

import { WorkflowStateModel } from '../../workflow/models/workflow.model';

@ObjectType('StateCount')
export class StateCountModel {
  @Field(() => WorkflowStateModel)
  state: WorkflowStateModel;

  @Field(() => Int)
  count: number;
}

@ObjectType('OwnerProgress', { description: 'Most recommendations first; those without an owner (owner null) last.' })
export class OwnerProgressModel {
  /** Resolved through the request's loaders. */
  ownerId: string | null;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int)
  overdue: number;
}

@ObjectType('ProgressReport')
export class ProgressReportModel {
  @Field(() => Int)
  total: number;

  @Field(() => Int, { description: 'Not COMPLETED and not CANCELED.' })
  open: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int)
  canceled: number;

  @Field(() => Int, { description: 'Past the deadline and still open.' })
  overdue: number;

  @Field(() => Int, { description: 'Open, with a deadline from now to 7 days ahead.' })
  dueWithin7Days: number;

  @Field(() => Float, { description: 'completed / (total - canceled), 0 to 1; 0 when nothing counts.' })
  completionRate: number;

  @Field(() => [StateCountModel], {
    description: "Every state of the teams' workflows, in workflow order, zeros included.",
  })
  byState: StateCountModel[];

  @Field(() => [OwnerProgressModel])
  byOwner: OwnerProgressModel[];
}
