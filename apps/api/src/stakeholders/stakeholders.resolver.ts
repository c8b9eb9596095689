import { StakeholdersService, type Viewer } from '@docket/core';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toUserModel } from '../auth/models/user.mapper';
import { UserModel } from '../auth/models/user.model';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UuidPipe } from '../graphql/uuid.pipe';
import { toRecommendationModel } from '../recommendations/models/recommendation.mapper';
import { RecommendationModel } from '../recommendations/models/recommendation.model';
import { StakeholderInput } from './dto/stakeholder.input';
import { toStakeholderModel } from './models/stakeholder.mapper';
import { StakeholderModel } from './models/stakeholder.model';

/** Adding and removing stakeholders, and `Recommendation.stakeholders`. */
@Resolver(() => RecommendationModel)
export class StakeholdersResolver {
  constructor(private readonly service: StakeholdersService) {}

  @Mutation(() => RecommendationModel, { description: 'Adds a team member, or changes the role of one already in.' })
  async addStakeholder(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: StakeholderInput,
  ): Promise<RecommendationModel> {
    return toRecommendationModel(await this.service.add(viewer.user.id, input));
  }

  @Mutation(() => RecommendationModel)
  async removeStakeholder(
    @CurrentViewer() viewer: Viewer,
    @Args('recommendationId', { type: () => ID }, UuidPipe) recommendationId: string,
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
  ): Promise<RecommendationModel> {
    return toRecommendationModel(await this.service.remove(viewer.user.id, recommendationId, userId));
  }

  @ResolveField(() => [StakeholderModel], { description: 'In the order they were added.' })
  async stakeholders(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<StakeholderModel[]> {
    return (await ctx.loaders.stakeholders.load(recommendation.id)).map(toStakeholderModel);
  }
}

@Resolver(() => StakeholderModel)
export class StakeholderResolver {
  @ResolveField(() => UserModel)
  async user(@Parent() stakeholder: StakeholderModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await ctx.loaders.user.load(stakeholder.userId);
    if (!user) throw new Error(`Stakeholder of missing user ${stakeholder.userId}`);
    return toUserModel(user);
  }
}
