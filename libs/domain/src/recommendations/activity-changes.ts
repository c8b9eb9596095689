import type { Priority } from './recommendation-rules';

export const ACTIVITY_KINDS = [
  'CREATED',
  'UPDATED',
  'STATE_CHANGED',
  'OWNER_CHANGED',
  'DUE_DATE_CHANGED',
  'STAKEHOLDER_ADDED',
  'STAKEHOLDER_REMOVED',
  'ACTION_ITEM_ADDED',
  'ACTION_ITEM_UPDATED',
  'COMMENT_ADDED',
  'REMINDER_SENT',
  'ESCALATED',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * One field's change, as activity and webhooks show it: state keys for states, user ids for people,
 * ISO-8601 for dates, the plain value otherwise (labels comma-separated); null for none.
 */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** The fields of a recommendation whose changes are recorded, named as the API names them. */
export interface RecommendationFields {
  title: string;
  description: string;
  priority: Priority;
  labels: readonly string[];
  /** The owner's user id. */
  owner: string | null;
  dueAt: Date | null;
  /** The state's key. */
  state: string;
}

type FieldName = keyof RecommendationFields;

// Fixed order, so that activity reads the same way every time.
const FIELD_ORDER: readonly FieldName[] = ['title', 'description', 'priority', 'labels', 'owner', 'dueAt', 'state'];

function show(value: RecommendationFields[FieldName] | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  return value as string;
}

/** The fields that `after` (a partial update) really changes from `before`, in the API's field order. */
export function diffFields(before: RecommendationFields, after: Partial<RecommendationFields>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELD_ORDER) {
    if (!(field in after) || after[field] === undefined) continue;
    const from = show(before[field]);
    const to = show(after[field]);
    const same = Array.isArray(before[field])
      ? JSON.stringify(before[field]) === JSON.stringify(after[field])
      : from === to;
    if (!same) changes.push({ field, from, to });
  }
  return changes;
}

export interface ActivityDraft {
  kind: ActivityKind;
  changes: FieldChange[];
  /** The comment the entry carries: COMMENT_ADDED's, or a transition's. */
  commentId?: string | null;
}

const KIND_OF_FIELD: Partial<Record<string, ActivityKind>> = {
  owner: 'OWNER_CHANGED',
  dueAt: 'DUE_DATE_CHANGED',
  state: 'STATE_CHANGED',
};
const KIND_ORDER: readonly ActivityKind[] = ['UPDATED', 'OWNER_CHANGED', 'DUE_DATE_CHANGED', 'STATE_CHANGED'];

/**
 * Splits one write's changes into activity entries: owner, deadline and state each get their own kind
 * (they notify and remind differently); every other field goes into one UPDATED entry.
 */
export function activitiesFor(changes: readonly FieldChange[]): ActivityDraft[] {
  const byKind = new Map<ActivityKind, FieldChange[]>();
  for (const change of changes) {
    const kind = KIND_OF_FIELD[change.field] ?? 'UPDATED';
    byKind.set(kind, [...(byKind.get(kind) ?? []), change]);
  }
  return KIND_ORDER.filter((kind) => byKind.has(kind)).map((kind) => ({ kind, changes: byKind.get(kind)! }));
}
