import { RECOMMENDATION_SORT_FIELDS, SORT_DIRECTIONS } from '@docket/domain';
import { registerEnumType } from '@nestjs/graphql';

export const SortDirection = Object.fromEntries(SORT_DIRECTIONS.map((d) => [d, d])) as {
  [D in (typeof SORT_DIRECTIONS)[number]]: D;
};
registerEnumType(SortDirection, { name: 'SortDirection' });

export const RecommendationSortField = Object.fromEntries(RECOMMENDATION_SORT_FIELDS.map((f) => [f, f])) as {
  [F in (typeof RECOMMENDATION_SORT_FIELDS)[number]]: F;
};
registerEnumType(RecommendationSortField, {
  name: 'RecommendationSortField',
  description:
    'PRIORITY ranks URGENT > HIGH > MEDIUM > LOW > NONE; DUE_AT lists recommendations without a deadline last.',
});
