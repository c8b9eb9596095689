import { type Viewer, WorkflowService } from '@docket/core';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { TeamModel } from '../teams/models/team.model';
import { WorkflowInput } from './dto/workflow.inputs';
import { toWorkflowModel } from './models/workflow.mapper';
import { WorkflowModel } from './models/workflow.model';

/** Team.workflow and updateWorkflow; the workflow lives on the team row. */
@Resolver(() => TeamModel)
export class WorkflowResolver {
  constructor(private readonly workflows: WorkflowService) {}

  @Mutation(() => WorkflowModel, { description: 'Replaces the team workflow; ADMIN only.' })
  async updateWorkflow(
    @CurrentViewer() viewer: Viewer,
    @Args('teamKey') teamKey: string,
    @Args('input') input: WorkflowInput,
  ): Promise<WorkflowModel> {
    return toWorkflowModel(await this.workflows.updateWorkflow(viewer.user.id, teamKey, input));
  }

  @ResolveField(() => WorkflowModel)
  async workflow(@Parent() team: TeamModel, @Context() ctx: GraphqlContext): Promise<WorkflowModel> {
    const entity = await ctx.loaders.team.load(team.id);
    if (!entity) throw new Error(`Team ${team.id} is gone`);
    return toWorkflowModel(entity.workflow);
  }
}
