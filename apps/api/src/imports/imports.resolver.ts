import { ImportsService, type Viewer } from '@docket/core';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toRecommendationModel } from '../recommendations/models/recommendation.mapper';
import { toSourceModel } from '../sources/models/source.mapper';
import { ImportInput } from './dto/import.input';
import { ImportResultModel } from './models/import-result.model';
import { ParsedRecommendationModel } from './models/parsed-recommendation.model';

@Resolver()
export class ImportsResolver {
  constructor(private readonly imports: ImportsService) {}

  // Guarded like every operation (any signed-in user), though it reads and writes nothing.
  @Query(() => [ParsedRecommendationModel], { description: 'The recommendations an import of `text` would create.' })
  previewImport(@Args('text') text: string): ParsedRecommendationModel[] {
    return this.imports.preview(text);
  }

  @Mutation(() => ImportResultModel)
  async importRecommendations(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ImportInput,
  ): Promise<ImportResultModel> {
    const { source, recommendations, warnings } = await this.imports.importText(viewer.user.id, input);
    return { source: toSourceModel(source), recommendations: recommendations.map(toRecommendationModel), warnings };
  }
}
