import type { FieldChange } from '../recommendations/activity-changes';
import type { StateCategory } from '../workflow/workflow-types';
import type { WebhookEvent } from './webhook-events';

/** What one delivery says: the contract's body, field for field. */
export interface WebhookPayloadInput {
  /** The delivery's id, also sent as `X-Docket-Delivery`. */
  deliveryId: string;
  event: WebhookEvent;
  /** When the activity happened. */
  createdAt: Date;
  team: { key: string; name: string };
  recommendation: {
    id: string;
    identifier: string;
    title: string;
    state: { key: string; name: string; category: StateCategory };
    priority: string;
    owner: { id: string; name: string; email: string } | null;
    dueAt: Date | null;
  };
  actor: { id: string; name: string } | null;
  changes: readonly FieldChange[];
}

/**
 * The exact bytes that are signed, stored and sent (retries and redeliveries send them again).
 * Objects are rebuilt key by key so that the order of keys is always the contract's, whatever the caller passed.
 */
export function buildWebhookBody(input: WebhookPayloadInput): string {
  const { recommendation: rec } = input;
  return JSON.stringify({
    id: input.deliveryId,
    event: input.event,
    createdAt: input.createdAt.toISOString(),
    team: { key: input.team.key, name: input.team.name },
    recommendation: {
      id: rec.id,
      identifier: rec.identifier,
      title: rec.title,
      state: { key: rec.state.key, name: rec.state.name, category: rec.state.category },
      priority: rec.priority,
      owner: rec.owner ? { id: rec.owner.id, name: rec.owner.name, email: rec.owner.email } : null,
      dueAt: rec.dueAt ? rec.dueAt.toISOString() : null,
    },
    actor: input.actor ? { id: input.actor.id, name: input.actor.name } : null,
    changes: input.changes.map((change) => ({ field: change.field, from: change.from, to: change.to })),
  });
}
