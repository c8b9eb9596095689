import { RecommendationsService, type Viewer } from '@docket/core';
import type { RecommendationEntity } from '@docket/data';
import { assertPageSize, decodeCursor, findState, formatIdentifier, isOverdue } from '@docket/domain';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toUserModel } from '../auth/models/user.mapper';
import { UserModel } from '../auth/models/user.model';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UuidPipe } from '../graphql/uuid.pipe';
import { toTeamModel } from '../teams/models/team.mapper';
import { TeamModel } from '../teams/models/team.model';
import { WorkflowStateModel } from '../workflow/models/workflow.model';
import { CreateRecommendationInput, TransitionInput, UpdateRecommendationInput } from './dto/recommendation.inputs';
import { ActivityConnectionModel, ActivityModel } from './models/activity.model';
import { toActivityConnection, toRecommendationModel } from './models/recommendation.mapper';
import { RecommendationModel } from './models/recommendation.model';

const toModel = (entity: RecommendationEntity | null): RecommendationModel | null =>
  entity ? toRecommendationModel(entity) : null;

@Resolver(() => RecommendationModel)
export class RecommendationsResolver {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Query(() => RecommendationModel, { nullable: true, description: "Null when missing or in another's team." })
  async recommendation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<RecommendationModel | null> {
    return toModel(await this.recommendations.findVisible(viewer.user.id, id));
  }

  @Query(() => RecommendationModel, { nullable: true, description: 'By team key and number, e.g. KOR-3.' })
  async recommendationByIdentifier(
    @CurrentViewer() viewer: Viewer,
    @Args('identifier') identifier: string,
  ): Promise<RecommendationModel | null> {
    return toModel(await this.recommendations.findVisibleByIdentifier(viewer.user.id, identifier));
  }

  @Mutation(() => RecommendationModel)
  async createRecommendation(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateRecommendationInput,
  ): Promise<RecommendationModel> {
    return toRecommendationModel(await this.recommendations.create(viewer.user.id, input));
  }

  @Mutation(() => RecommendationModel)
  async updateRecommendation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateRecommendationInput,
  ): Promise<RecommendationModel> {
    return toRecommendationModel(await this.recommendations.update(viewer.user.id, id, input));
  }

  @Mutation(() => RecommendationModel)
  async transitionRecommendation(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TransitionInput,
  ): Promise<RecommendationModel> {
    return toRecommendationModel(await this.recommendations.transition(viewer.user.id, input));
  }

  @ResolveField(() => String, { description: 'Team key and number, e.g. KOR-3.' })
  async identifier(@Parent() recommendation: RecommendationModel, @Context() ctx: GraphqlContext): Promise<string> {
    return formatIdentifier((await this.teamOf(recommendation, ctx)).key, recommendation.number);
  }

  @ResolveField(() => TeamModel)
  async team(@Parent() recommendation: RecommendationModel, @Context() ctx: GraphqlContext): Promise<TeamModel> {
    return toTeamModel(await this.teamOf(recommendation, ctx));
  }

  @ResolveField(() => WorkflowStateModel)
  async state(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<WorkflowStateModel> {
    const team = await this.teamOf(recommendation, ctx);
    const state = findState(team.workflow, recommendation.stateKey);
    // updateWorkflow never drops a state in use, so this is corrupt data rather than bad input.
    if (!state) throw new Error(`State ${recommendation.stateKey} is not in team ${team.key}'s workflow`);
    return { ...state };
  }

  @ResolveField(() => Boolean, { description: 'Past its deadline and neither COMPLETED nor CANCELED.' })
  async isOverdue(@Parent() recommendation: RecommendationModel, @Context() ctx: GraphqlContext): Promise<boolean> {
    if (!recommendation.dueAt) return false;
    const state = await this.state(recommendation, ctx);
    return isOverdue(recommendation.dueAt, state.category, new Date());
  }

  @ResolveField(() => UserModel, { nullable: true })
  async owner(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<UserModel | null> {
    const user = recommendation.ownerId ? await ctx.loaders.user.load(recommendation.ownerId) : null;
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => UserModel, { nullable: true })
  async createdBy(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<UserModel | null> {
    const user = recommendation.createdById ? await ctx.loaders.user.load(recommendation.createdById) : null;
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => ActivityConnectionModel, { description: 'Oldest first.' })
  async activity(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ActivityConnectionModel> {
    const page = await ctx.loaders.activityPage.load({
      recommendationId: recommendation.id,
      first: assertPageSize(first, 'first'),
      after: after == null ? null : decodeCursor(after, 'after'),
    });
    return toActivityConnection(page, after ?? null);
  }

  private async teamOf(recommendation: RecommendationModel, ctx: GraphqlContext) {
    const team = await ctx.loaders.team.load(recommendation.teamId);
    if (!team) throw new Error(`Recommendation ${recommendation.id} of missing team ${recommendation.teamId}`);
    return team;
  }
}

@Resolver(() => ActivityModel)
export class ActivityResolver {
  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Parent() activity: ActivityModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = activity.actorId ? await ctx.loaders.user.load(activity.actorId) : null;
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => RecommendationModel)
  async recommendation(
    @Parent() activity: ActivityModel,
    @Context() ctx: GraphqlContext,
  ): Promise<RecommendationModel> {
    const recommendation = await ctx.loaders.recommendation.load(activity.recommendationId);
    if (!recommendation) throw new Error(`Activity ${activity.id} of missing recommendation`);
    return toRecommendationModel(recommendation);
  }
}
