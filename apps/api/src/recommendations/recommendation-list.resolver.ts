import { RecommendationQueryService, type Viewer } from '@docket/core';
import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toConnection } from '../graphql/connection';
import type { GraphqlContext } from '../graphql/graphql-context';
import { RecommendationFilterInput, RecommendationOrderInput } from './dto/recommendation-list.args';
import { toRecommendationModel } from './models/recommendation.mapper';
import { RecommendationConnectionModel } from './models/recommendation-connection.model';

/** The `recommendations` list: apart from recommendations.resolver.ts, which holds one recommendation's fields. */
@Resolver()
export class RecommendationListResolver {
  constructor(private readonly query: RecommendationQueryService) {}

  @Query(() => RecommendationConnectionModel, {
    description: "Recommendations of the caller's teams; by NUMBER ASC unless orderBy says otherwise.",
  })
  async recommendations(
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GraphqlContext,
    @Args('filter', { type: () => RecommendationFilterInput, nullable: true }) filter: RecommendationFilterInput | null,
    @Args('orderBy', { type: () => RecommendationOrderInput, nullable: true }) orderBy: RecommendationOrderInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<RecommendationConnectionModel> {
    const page = await this.query.list(viewer.user.id, { filter, orderBy, first, after });
    // The list read the teams (workflows included) and owners already: state, identifier, team and owner need no
    // second look.
    for (const team of page.teams) ctx.loaders.team.prime(team.id, team);
    for (const { node } of page.edges) if (node.owner) ctx.loaders.user.prime(node.owner.id, node.owner);
    return { ...toConnection(page, after, toRecommendationModel), countTotal: page.countTotal };
  }
}

@Resolver(() => RecommendationConnectionModel)
export class RecommendationConnectionResolver {
  @ResolveField(() => Int, { description: 'Every recommendation the filter matches, on all pages.' })
  totalCount(@Parent() connection: RecommendationConnectionModel): Promise<number> {
    return connection.countTotal();
  }
}
