import { STATE_CATEGORIES } from '@docket/domain';
import { registerEnumType } from '@nestjs/graphql';

export const StateCategory = Object.fromEntries(STATE_CATEGORIES.map((category) => [category, category])) as {
  [C in (typeof STATE_CATEGORIES)[number]]: C;
};
registerEnumType(StateCategory, {
  name: 'StateCategory',
  description: 'What a workflow state means, whatever a team calls it.',
});
