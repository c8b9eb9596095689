import { badInput } from '../errors';
import type { TeamAction } from '../permissions';
import type { FieldChange } from '../recommendations/activity-changes';

export const ACTION_ITEM_STATUSES = ['TODO', 'IN_PROGRESS', 'DONE', 'CANCELED'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const MAX_ACTION_ITEM_TITLE_LENGTH = 300;

/** TODO and IN_PROGRESS: what a `requiresActionItemsDone` transition waits for. */
export function isOpenActionItemStatus(status: ActionItemStatus): boolean {
  return status === 'TODO' || status === 'IN_PROGRESS';
}

/** Past its deadline and still open: DONE and CANCELED items are never overdue. */
export function isActionItemOverdue(dueAt: Date | null, status: ActionItemStatus, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime() && isOpenActionItemStatus(status);
}

/** A trimmed, non-empty title of at most 300 characters. */
export function assertActionItemTitle(title: string | null | undefined, field = 'title'): string {
  if (typeof title !== 'string') throw badInput(field, 'an action item needs a title');
  const trimmed = title.trim();
  if (!trimmed) throw badInput(field, 'must not be empty');
  if (trimmed.length > MAX_ACTION_ITEM_TITLE_LENGTH) {
    throw badInput(field, `must be at most ${MAX_ACTION_ITEM_TITLE_LENGTH} characters`);
  }
  return trimmed;
}

export function assertActionItemStatus(status: string | null | undefined, field = 'status'): ActionItemStatus {
  if (!(ACTION_ITEM_STATUSES as readonly (string | null | undefined)[]).includes(status)) {
    throw badInput(field, `"${String(status)}" is not one of ${ACTION_ITEM_STATUSES.join(', ')}`);
  }
  return status as ActionItemStatus;
}

/** `completedAt` after a status change: set on entering DONE, kept while DONE, cleared on leaving it. */
export function actionItemCompletedAt(
  from: ActionItemStatus,
  to: ActionItemStatus,
  previous: Date | null,
  now: Date,
): Date | null {
  if (to !== 'DONE') return null;
  return from === 'DONE' ? (previous ?? now) : now;
}

/** The fields of an action item whose changes activity records, named as the API names them. */
export interface ActionItemFields {
  title: string;
  status: ActionItemStatus;
  /** The assignee's user id. */
  assignee: string | null;
  dueAt: Date | null;
}

const FIELD_ORDER: readonly (keyof ActionItemFields)[] = ['title', 'status', 'assignee', 'dueAt'];

const show = (value: string | Date | null | undefined): string | null =>
  value == null ? null : value instanceof Date ? value.toISOString() : value;

/** The fields `after` (a partial update) really changes from `before`, in the API's order. */
export function diffActionItem(before: ActionItemFields, after: Partial<ActionItemFields>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELD_ORDER) {
    if (after[field] === undefined) continue;
    const from = show(before[field]);
    const to = show(after[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}

/**
 * The changes of an ACTION_ITEM_ADDED or ACTION_ITEM_UPDATED entry. `actionItem` comes first and names
 * the item by id (from null when added, to null when deleted), then its fields: those that change, or
 * every field that has a value when it comes or goes. Empty when an update changes nothing.
 */
export function actionItemActivityChanges(
  id: string,
  before: ActionItemFields | null,
  after: ActionItemFields | null,
): FieldChange[] {
  const head: FieldChange = { field: 'actionItem', from: before ? id : null, to: after ? id : null };
  if (before && after) {
    const changes = diffActionItem(before, after);
    return changes.length > 0 ? [head, ...changes] : [];
  }
  const side = after ?? before;
  if (!side) return [];
  const fields = FIELD_ORDER.filter((field) => side[field] !== null);
  return [
    head,
    ...fields.map((field) => ({
      field,
      from: before ? show(before[field]) : null,
      to: after ? show(after[field]) : null,
    })),
  ];
}

/**
 * What an update needs: changing nothing but the status is SET_ACTION_ITEM_STATUS (an assignee may),
 * anything else (title, assignee, deadline) is MANAGE_ACTION_ITEMS.
 */
export function actionItemUpdateAction(changedFields: readonly string[]): TeamAction {
  return changedFields.every((field) => field === 'status') ? 'SET_ACTION_ITEM_STATUS' : 'MANAGE_ACTION_ITEMS';
}

export interface Progress {
  /** Action items that are not CANCELED. */
  total: number;
  /** Of those, the DONE ones. */
  done: number;
  /** 0 to 100, two decimals; 0 when there is nothing to do. */
  percent: number;
}

export function computeProgress(total: number, done: number): Progress {
  if (total <= 0) return { total: 0, done: 0, percent: 0 };
  const capped = Math.min(Math.max(done, 0), total);
  return { total, done: capped, percent: Math.round((capped * 10_000) / total) / 100 };
}
