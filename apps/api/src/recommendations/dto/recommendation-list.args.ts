import {
  MAX_FILTER_VALUES,
  MAX_SEARCH_LENGTH,
  type Priority as PriorityName,
  type RecommendationSortField as RecommendationSortFieldName,
  type SortDirection as SortDirectionName,
  type StateCategory as StateCategoryName,
} from '@docket/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { StateCategory } from '../../workflow/models/state-category.enum';
import { Priority } from '../models/recommendation-enums';
import { RecommendationSortField, SortDirection } from '../models/recommendation-list-enums';

const ID_MESSAGE = 'must be an id';

/** Every field narrows the list; null, absent and empty lists do not. */
@InputType('RecommendationFilter')
export class RecommendationFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  teamKey?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  sourceId?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  stateKeys?: string[] | null;

  @Field(() => [StateCategory], { nullable: true })
  @IsOptional()
  @IsArray()
  stateCategories?: StateCategoryName[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  stakeholderId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these labels.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  labels?: string[] | null;

  @Field(() => [Priority], { nullable: true })
  @IsOptional()
  @IsArray()
  priorities?: PriorityName[] | null;

  @Field(() => Date, { nullable: true, description: 'Deadline strictly before this instant.' })
  @IsOptional()
  dueBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Deadline strictly after this instant.' })
  @IsOptional()
  dueAfter?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: past the deadline and neither COMPLETED nor CANCELED; false: every other one.',
  })
  @IsOptional()
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Full-text search over title and description.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SEARCH_LENGTH)
  search?: string | null;
}

@InputType('RecommendationOrder')
export class RecommendationOrderInput {
  @Field(() => RecommendationSortField)
  field: RecommendationSortFieldName;

  @Field(() => SortDirection)
  direction: SortDirectionName;
}
