import type { ActionItemEntity, RecommendationEntity, TeamEntity } from '@docket/data';
import {
  type ActionItemStatus,
  categoryOf,
  DEFAULT_REMINDER_POLICY,
  type ReminderPolicy,
  type ReminderScheduleInput,
  type StateCategory,
} from '@docket/domain';

/** The team's policy; a team that never set one has the contract's default. */
export function policyOf(team: Pick<TeamEntity, 'reminderPolicy'>): ReminderPolicy {
  return team.reminderPolicy ?? DEFAULT_REMINDER_POLICY;
}

/** What the pure schedule needs of a recommendation and its team. */
export function scheduleInputOf(
  recommendation: Pick<RecommendationEntity, 'dueAt' | 'stateKey' | 'snoozedUntil'>,
  team: Pick<TeamEntity, 'workflow' | 'reminderPolicy'>,
): ReminderScheduleInput {
  return {
    dueAt: recommendation.dueAt,
    category: categoryOf(team.workflow, recommendation.stateKey),
    snoozedUntil: recommendation.snoozedUntil,
    policy: policyOf(team),
    escalate: true,
  };
}

/**
 * What the pure schedule needs of an action item: its own deadline; its own closed status, or else its
 * recommendation's state category (a closed recommendation sends nothing for its items) and snooze; the
 * team's policy; never an escalation.
 */
export function actionItemScheduleInputOf(
  item: Pick<ActionItemEntity, 'dueAt'> & { status: ActionItemStatus | string },
  recommendation: Pick<RecommendationEntity, 'stateKey' | 'snoozedUntil'>,
  team: Pick<TeamEntity, 'workflow' | 'reminderPolicy'>,
): ReminderScheduleInput {
  const category: StateCategory =
    item.status === 'DONE'
      ? 'COMPLETED'
      : item.status === 'CANCELED'
        ? 'CANCELED'
        : categoryOf(team.workflow, recommendation.stateKey);
  return {
    dueAt: item.dueAt,
    category,
    snoozedUntil: recommendation.snoozedUntil,
    policy: policyOf(team),
    escalate: false,
  };
}

/** The subject of an action item's reminders in job ids and `sent_reminders` keys. */
export const actionItemSubject = (actionItemId: string) => `item-${actionItemId}`;

/**
 * Activity kinds that change who gets a recommendation's reminders or when: after one, nothing from
 * before it is sent (the contract: past occurrences of a moved deadline, or from before an owner,
 * stakeholder or state change, never go out).
 */
export const RESCHEDULING_KINDS = [
  'CREATED',
  'DUE_DATE_CHANGED',
  'OWNER_CHANGED',
  'STATE_CHANGED',
  'STAKEHOLDER_ADDED',
  'STAKEHOLDER_REMOVED',
] as const;
