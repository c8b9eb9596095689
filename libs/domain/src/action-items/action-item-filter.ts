import { badInput } from '../errors';
import { assertUuid } from '../teams';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from './action-item-rules';

/** `actionItems(filter:)` as clients send it. */
export interface ActionItemFilterInput {
  teamKey?: string | null;
  recommendationId?: string | null;
  assigneeId?: string | null;
  statuses?: readonly string[] | null;
  overdue?: boolean | null;
}

/** The filter checked: absent means "any"; ids are lower-cased UUIDs. */
export interface ActionItemFilterSpec {
  teamKey?: string;
  recommendationId?: string;
  assigneeId?: string;
  statuses?: ActionItemStatus[];
  overdue?: boolean;
}

/** Refuses what is malformed, naming the field (`filter.assigneeId`), before anything is read. */
export function normalizeActionItemFilter(
  input: ActionItemFilterInput | null | undefined,
  field = 'filter',
): ActionItemFilterSpec {
  const spec: ActionItemFilterSpec = {};
  if (!input) return spec;
  if (input.teamKey != null) spec.teamKey = input.teamKey;
  if (input.recommendationId != null) {
    spec.recommendationId = assertUuid(input.recommendationId, `${field}.recommendationId`);
  }
  if (input.assigneeId != null) spec.assigneeId = assertUuid(input.assigneeId, `${field}.assigneeId`);
  if (input.statuses != null) {
    for (const [i, status] of input.statuses.entries()) {
      if (!(ACTION_ITEM_STATUSES as readonly string[]).includes(status)) {
        throw badInput(`${field}.statuses[${i}]`, `"${status}" is not one of ${ACTION_ITEM_STATUSES.join(', ')}`);
      }
    }
    spec.statuses = [...new Set(input.statuses as readonly ActionItemStatus[])];
  }
  if (input.overdue != null) spec.overdue = input.overdue;
  return spec;
}
