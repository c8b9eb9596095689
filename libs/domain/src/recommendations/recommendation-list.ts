import { badInput } from '../errors';
import { assertUuid, isUuid } from '../teams';
import { STATE_CATEGORIES, type StateCategory } from '../workflow';
import { decodeCursorParts, encodeCursorParts, isKeysetTime, refuseCursor } from './cursor';
import { normalizeLabels, PRIORITIES, type Priority } from './recommendation-rules';

export const RECOMMENDATION_SORT_FIELDS = ['NUMBER', 'CREATED_AT', 'UPDATED_AT', 'DUE_AT', 'PRIORITY'] as const;
export type RecommendationSortField = (typeof RECOMMENDATION_SORT_FIELDS)[number];

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface RecommendationOrder {
  field: RecommendationSortField;
  direction: SortDirection;
}

/** The contract names no default: oldest number first reads like the report the recommendations came from. */
export const DEFAULT_RECOMMENDATION_ORDER: RecommendationOrder = { field: 'NUMBER', direction: 'ASC' };

export const MAX_FILTER_VALUES = 100;
export const MAX_STATE_KEY_LENGTH = 50;
export const MAX_SEARCH_LENGTH = 200;

/** NONE 0 < LOW 1 < MEDIUM 2 < HIGH 3 < URGENT 4: PRIORITY DESC lists URGENT first. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

/** What the client sent as `filter`; null and absent mean "no constraint". */
export interface RecommendationFilterInput {
  teamKey?: string | null;
  sourceId?: string | null;
  stateKeys?: readonly string[] | null;
  stateCategories?: readonly string[] | null;
  ownerId?: string | null;
  stakeholderId?: string | null;
  labels?: readonly string[] | null;
  priorities?: readonly string[] | null;
  dueBefore?: Date | null;
  dueAfter?: Date | null;
  overdue?: boolean | null;
  search?: string | null;
}

/** A validated filter: every field present constrains the list; absent ones do not. */
export interface RecommendationFilterSpec {
  teamKey?: string;
  sourceId?: string;
  stateKeys?: string[];
  stateCategories?: StateCategory[];
  ownerId?: string;
  stakeholderId?: string;
  labels?: string[];
  priorities?: Priority[];
  dueBefore?: Date;
  dueAfter?: Date;
  overdue?: boolean;
  search?: string;
}

function assertList(values: readonly string[], field: string): void {
  if (values.length > MAX_FILTER_VALUES) throw badInput(field, `at most ${MAX_FILTER_VALUES} values`);
}

function assertOneOf<T extends string>(values: readonly string[], allowed: readonly T[], field: string): T[] {
  assertList(values, field);
  for (const [i, value] of values.entries()) {
    if (!(allowed as readonly string[]).includes(value)) {
      throw badInput(`${field}[${i}]`, `"${value}" is not one of ${allowed.join(', ')}`);
    }
  }
  return [...new Set(values)] as T[];
}

function assertDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw badInput(field, 'must be an ISO-8601 instant');
  return value;
}

/**
 * Checks a filter and normalises it. An empty list imposes no constraint (as an empty multi-select in a UI
 * does); a blank search likewise.
 */
export function normalizeRecommendationFilter(
  input: RecommendationFilterInput | null | undefined,
  field = 'filter',
): RecommendationFilterSpec {
  const spec: RecommendationFilterSpec = {};
  if (!input) return spec;
  if (input.teamKey != null) spec.teamKey = input.teamKey;
  if (input.sourceId != null) spec.sourceId = assertUuid(input.sourceId, `${field}.sourceId`);
  if (input.ownerId != null) spec.ownerId = assertUuid(input.ownerId, `${field}.ownerId`);
  if (input.stakeholderId != null) spec.stakeholderId = assertUuid(input.stakeholderId, `${field}.stakeholderId`);
  if (input.stateKeys?.length) {
    assertList(input.stateKeys, `${field}.stateKeys`);
    for (const [i, key] of input.stateKeys.entries()) {
      if (!key || key.length > MAX_STATE_KEY_LENGTH) {
        throw badInput(`${field}.stateKeys[${i}]`, `a state key is 1 to ${MAX_STATE_KEY_LENGTH} characters`);
      }
    }
    spec.stateKeys = [...new Set(input.stateKeys)];
  }
  if (input.stateCategories?.length) {
    spec.stateCategories = assertOneOf(input.stateCategories, STATE_CATEGORIES, `${field}.stateCategories`);
  }
  if (input.labels?.length) spec.labels = normalizeLabels(input.labels, `${field}.labels`);
  if (input.priorities?.length) spec.priorities = assertOneOf(input.priorities, PRIORITIES, `${field}.priorities`);
  if (input.dueBefore != null) spec.dueBefore = assertDate(input.dueBefore, `${field}.dueBefore`);
  if (input.dueAfter != null) spec.dueAfter = assertDate(input.dueAfter, `${field}.dueAfter`);
  if (input.overdue != null) spec.overdue = input.overdue;
  if (input.search != null) {
    const search = input.search.trim();
    if (search.length > MAX_SEARCH_LENGTH) {
      throw badInput(`${field}.search`, `must be at most ${MAX_SEARCH_LENGTH} characters`);
    }
    if (search) spec.search = search;
  }
  return spec;
}

/** The order asked for, or the default; an unknown field or direction is BAD_USER_INPUT on `field`. */
export function resolveRecommendationOrder(
  order: { field?: string | null; direction?: string | null } | null | undefined,
  field = 'orderBy',
): RecommendationOrder {
  if (!order) return DEFAULT_RECOMMENDATION_ORDER;
  const sortField = order.field ?? DEFAULT_RECOMMENDATION_ORDER.field;
  const direction = order.direction ?? 'ASC';
  if (!(RECOMMENDATION_SORT_FIELDS as readonly string[]).includes(sortField)) {
    throw badInput(`${field}.field`, `"${sortField}" is not one of ${RECOMMENDATION_SORT_FIELDS.join(', ')}`);
  }
  if (!(SORT_DIRECTIONS as readonly string[]).includes(direction)) {
    throw badInput(`${field}.direction`, `"${direction}" is not ASC or DESC`);
  }
  return { field: sortField as RecommendationSortField, direction: direction as SortDirection };
}

/**
 * A row's sort key under an order: NUMBER and PRIORITY (as its rank) are integers, CREATED_AT and UPDATED_AT
 * microsecond timestamps (ISO-8601, UTC), DUE_AT such a timestamp or null.
 */
export type SortKeyValue = number | string | null;

export interface RecommendationKeyset {
  value: SortKeyValue;
  id: string;
}

/** The cursor names its order, so that a cursor of one ordering is refused by another. */
export function encodeRecommendationCursor(order: RecommendationOrder, position: RecommendationKeyset): string {
  return encodeCursorParts([order.field, order.direction, position.value, position.id]);
}

function isSortKeyOf(field: RecommendationSortField, value: unknown): value is SortKeyValue {
  switch (field) {
    case 'NUMBER':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'PRIORITY':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) < PRIORITIES.length;
    case 'CREATED_AT':
    case 'UPDATED_AT':
      return isKeysetTime(value);
    case 'DUE_AT':
      return value === null || isKeysetTime(value);
  }
}

/** The position in a cursor made for `order`; anything else is BAD_USER_INPUT on `field`. */
export function decodeRecommendationCursor(
  cursor: string,
  order: RecommendationOrder,
  field = 'after',
): RecommendationKeyset {
  const parts = decodeCursorParts(cursor, field);
  if (parts.length !== 4) throw refuseCursor(field);
  const [sortField, direction, value, id] = parts;
  if (sortField !== order.field || direction !== order.direction) {
    throw badInput(
      field,
      `a cursor of another ordering; ask again from the start to list by ${order.field} ${order.direction}`,
    );
  }
  if (!isSortKeyOf(order.field, value)) throw refuseCursor(field);
  if (typeof id !== 'string' || !isUuid(id)) throw refuseCursor(field);
  return { value, id: id.toLowerCase() };
}

/** completed / (total - canceled), 0 to 1; 0 when nothing counts (ProgressReport.completionRate). */
export function completionRate(counts: { total: number; completed: number; canceled: number }): number {
  const counted = counts.total - counts.canceled;
  return counted > 0 ? counts.completed / counted : 0;
}
