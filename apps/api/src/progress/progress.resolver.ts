import { ProgressReportService, type Viewer } from '@docket/core';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toUserModel } from '../auth/models/user.mapper';
import { UserModel } from '../auth/models/user.model';
import type { GraphqlContext } from '../graphql/graphql-context';
import { RecommendationFilterInput } from '../recommendations/dto/recommendation-list.args';
import { OwnerProgressModel, ProgressReportModel } from './models/progress-report.model';

@Resolver(() => ProgressReportModel)
export class ProgressResolver {
  constructor(private readonly progress: ProgressReportService) {}

  @Query(() => ProgressReportModel, { description: 'Over the same filter and teams as `recommendations`.' })
  async progressReport(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => RecommendationFilterInput, nullable: true }) filter: RecommendationFilterInput | null,
  ): Promise<ProgressReportModel> {
    return this.progress.report(viewer.user.id, filter);
  }
}

@Resolver(() => OwnerProgressModel)
export class OwnerProgressResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Null: the recommendations without an owner.' })
  async owner(@Parent() row: OwnerProgressModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = row.ownerId ? await ctx.loaders.user.load(row.ownerId) : null;
    return user ? toUserModel(user) : null;
  }
}
