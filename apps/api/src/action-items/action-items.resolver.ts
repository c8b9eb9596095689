import { ActionItemsService, type Viewer } from '@docket/core';
import { isActionItemOverdue } from '@docket/domain';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toUserModel } from '../auth/models/user.mapper';
import { UserModel } from '../auth/models/user.model';
import { toConnection } from '../graphql/connection';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UuidPipe } from '../graphql/uuid.pipe';
import { toRecommendationModel } from '../recommendations/models/recommendation.mapper';
import { RecommendationModel } from '../recommendations/models/recommendation.model';
import { CreateActionItemInput, UpdateActionItemInput } from './dto/action-item.inputs';
import { ActionItemFilterInput } from './dto/action-item-filter.input';
import { toActionItemModel } from './models/action-item.mapper';
import { ActionItemModel } from './models/action-item.model';
import { ActionItemConnectionModel } from './models/action-item-connection.model';
import { ProgressModel } from './models/progress.model';

@Resolver(() => ActionItemModel)
export class ActionItemsResolver {
  constructor(private readonly service: ActionItemsService) {}

  @Query(() => ActionItemConnectionModel, { description: "Action items of the caller's teams, oldest first." })
  async actionItems(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => ActionItemFilterInput, nullable: true }) filter: ActionItemFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ActionItemConnectionModel> {
    const page = await this.service.list(viewer.user.id, { filter, first, after });
    return { ...toConnection(page, after, toActionItemModel), totalCount: page.totalCount };
  }

  @Mutation(() => ActionItemModel)
  async createActionItem(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateActionItemInput,
  ): Promise<ActionItemModel> {
    return toActionItemModel(await this.service.create(viewer.user.id, input));
  }

  @Mutation(() => ActionItemModel)
  async updateActionItem(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateActionItemInput,
  ): Promise<ActionItemModel> {
    return toActionItemModel(await this.service.update(viewer.user.id, id, input));
  }

  @Mutation(() => Boolean)
  deleteActionItem(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.service.delete(viewer.user.id, id);
  }

  @ResolveField(() => RecommendationModel)
  async recommendation(@Parent() item: ActionItemModel, @Context() ctx: GraphqlContext): Promise<RecommendationModel> {
    const recommendation = await ctx.loaders.recommendation.load(item.recommendationId);
    if (!recommendation) throw new Error(`Action item ${item.id} of missing recommendation`);
    return toRecommendationModel(recommendation);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async assignee(@Parent() item: ActionItemModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = item.assigneeId ? await ctx.loaders.user.load(item.assigneeId) : null;
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => Boolean, { description: 'Past its deadline and still TODO or IN_PROGRESS.' })
  isOverdue(@Parent() item: ActionItemModel): boolean {
    return isActionItemOverdue(item.dueAt, item.status, new Date());
  }
}

/** `Recommendation.actionItems` and `Recommendation.progress`, each batched over a list. */
@Resolver(() => RecommendationModel)
export class RecommendationActionItemsResolver {
  @ResolveField(() => [ActionItemModel], { description: 'In position order.' })
  async actionItems(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<ActionItemModel[]> {
    return (await ctx.loaders.actionItems.load(recommendation.id)).map(toActionItemModel);
  }

  @ResolveField(() => ProgressModel)
  progress(@Parent() recommendation: RecommendationModel, @Context() ctx: GraphqlContext): Promise<ProgressModel> {
    return ctx.loaders.progress.load(recommendation.id);
  }
}
