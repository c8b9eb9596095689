import type { ActivityKind } from '../recommendations/activity-changes';

export const WEBHOOK_EVENTS = [
  'RECOMMENDATION_CREATED',
  'RECOMMENDATION_UPDATED',
  'STATE_CHANGED',
  'COMMENT_ADDED',
  'REMINDER',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

// Exhaustive over ActivityKind: a new activity kind does not compile until it names its event.
const EVENT_OF: Record<ActivityKind, WebhookEvent> = {
  CREATED: 'RECOMMENDATION_CREATED',
  UPDATED: 'RECOMMENDATION_UPDATED',
  OWNER_CHANGED: 'RECOMMENDATION_UPDATED',
  DUE_DATE_CHANGED: 'RECOMMENDATION_UPDATED',
  STAKEHOLDER_ADDED: 'RECOMMENDATION_UPDATED',
  STAKEHOLDER_REMOVED: 'RECOMMENDATION_UPDATED',
  ACTION_ITEM_ADDED: 'RECOMMENDATION_UPDATED',
  ACTION_ITEM_UPDATED: 'RECOMMENDATION_UPDATED',
  STATE_CHANGED: 'STATE_CHANGED',
  COMMENT_ADDED: 'COMMENT_ADDED',
  REMINDER_SENT: 'REMINDER',
  ESCALATED: 'REMINDER',
};

/** The webhook event an activity is delivered as. */
export function webhookEventOf(kind: ActivityKind): WebhookEvent {
  return EVENT_OF[kind];
}

/** Every attempt of a delivery, the first included: at least 5 retries (the contract). */
export const WEBHOOK_MAX_ATTEMPTS = 6;

/** Deliveries that end FAILED in a row before the webhook is disabled and the team's ADMINs are told. */
export const WEBHOOK_DISABLE_AFTER_FAILURES = 20;

/** No response within this long counts as a failed attempt (the contract). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
