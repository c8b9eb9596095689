import type { ActivityKind, FieldChange } from '../recommendations/activity-changes';

export const NOTIFICATION_KINDS = [
  'REMINDER_UPCOMING',
  'REMINDER_DUE',
  'REMINDER_OVERDUE',
  'ESCALATION',
  'MENTION',
  'COMMENT',
  'ASSIGNED',
  'STATE_CHANGED',
  'DIGEST',
  /** To a team's ADMINs, when a webhook failed too often in a row and was disabled. */
  'WEBHOOK_DISABLED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the fan-out knows about one committed activity and its recommendation. */
export interface ActivityNotificationContext {
  kind: ActivityKind;
  actorId: string | null;
  changes: readonly FieldChange[];
  identifier: string;
  title: string;
  ownerId: string | null;
  /** Every stakeholder of the recommendation, whatever their RACI role. */
  stakeholderIds: readonly string[];
  /** Users named as @email in the comment this activity carries. */
  mentionedIds: readonly string[];
  /** Name of the state entered, for STATE_CHANGED. */
  stateName?: string;
}

export interface PlannedNotification {
  userId: string;
  kind: NotificationKind;
  /** The email subject and in-app title: `[KOR-3] Assigned to you: Expand energy trade`. */
  title: string;
}

const subject = (identifier: string, what: string, title: string) => `[${identifier}] ${what}: ${title}`;

/** The `to` of the first change of a field, when there is one. */
function changedTo(changes: readonly FieldChange[], fields: readonly string[]): string | null {
  return changes.find((change) => fields.includes(change.field))?.to ?? null;
}

/**
 * Who hears about an activity, and as what (contract: ASSIGNED to a new owner or assignee, MENTION to
 * each @email named in a comment, COMMENT and STATE_CHANGED to the owner and every stakeholder; never
 * to the actor; each person once per activity, a mention outranking a plain comment).
 */
export function planActivityNotifications(context: ActivityNotificationContext): PlannedNotification[] {
  const planned = new Map<string, PlannedNotification>();
  const add = (userId: string | null, kind: NotificationKind, what: string) => {
    if (!userId || userId === context.actorId || planned.has(userId)) return;
    planned.set(userId, { userId, kind, title: subject(context.identifier, what, context.title) });
  };
  const watchers = [context.ownerId, ...context.stakeholderIds];

  switch (context.kind) {
    case 'OWNER_CHANGED':
      add(changedTo(context.changes, ['owner', 'ownerId']), 'ASSIGNED', 'Assigned to you');
      break;
    case 'CREATED':
      add(context.ownerId, 'ASSIGNED', 'Assigned to you');
      break;
    case 'ACTION_ITEM_ADDED':
    case 'ACTION_ITEM_UPDATED':
      add(changedTo(context.changes, ['assignee', 'assigneeId']), 'ASSIGNED', 'Assigned to you');
      break;
    case 'COMMENT_ADDED':
      for (const userId of context.mentionedIds) add(userId, 'MENTION', 'Mentioned');
      for (const userId of watchers) add(userId, 'COMMENT', 'New comment');
      break;
    case 'STATE_CHANGED':
      for (const userId of watchers) add(userId, 'STATE_CHANGED', `Moved to ${context.stateName ?? 'a new state'}`);
      break;
    default:
      break;
  }
  return [...planned.values()];
}
