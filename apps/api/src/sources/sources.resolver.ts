import { SourcesService, type Viewer } from '@docket/core';
import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { RecommendationModel } from '../recommendations/models/recommendation.model';
import { toSourceModel } from './models/source.mapper';
import { SourceModel } from './models/source.model';

@Resolver(() => SourceModel)
export class SourcesResolver {
  constructor(private readonly sourcesService: SourcesService) {}

  @Query(() => [SourceModel], { description: "The sources of the caller's teams, or of one of them." })
  async sources(
    @CurrentViewer() viewer: Viewer,
    @Args('teamKey', { type: () => String, nullable: true }) teamKey: string | null,
  ): Promise<SourceModel[]> {
    return (await this.sourcesService.listVisible(viewer.user.id, teamKey)).map(toSourceModel);
  }

  @ResolveField(() => Int)
  recommendationCount(@Parent() source: SourceModel, @Context() ctx: GraphqlContext): Promise<number> {
    return ctx.loaders.sourceRecommendationCount.load(source.id);
  }
}

/** `Recommendation.source`, kept with sources so the recommendations resolver needs no knowledge of them. */
@Resolver(() => RecommendationModel)
export class RecommendationSourceResolver {
  @ResolveField(() => SourceModel, { nullable: true })
  async source(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<SourceModel | null> {
    const source = recommendation.sourceId ? await ctx.loaders.source.load(recommendation.sourceId) : null;
    return source ? toSourceModel(source) : null;
  }
}
