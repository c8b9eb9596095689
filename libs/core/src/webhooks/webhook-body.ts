import type { RecommendationEntity, TeamEntity } from '@docket/data';
import { buildWebhookBody, type WebhookEvent, type WorkflowState } from '@docket/domain';

import type { WebhookActivity } from './webhooks.service';

/** The contract's body for one delivery, from the rows the fan-out holds. */
export function buildDeliveryBody(input: {
  deliveryId: string;
  event: WebhookEvent;
  activity: WebhookActivity;
  team: TeamEntity;
  recommendation: RecommendationEntity;
  state: WorkflowState;
  owner: { id: string; name: string; email: string } | null;
  actor: { id: string; name: string } | null;
}): string {
  const { recommendation, team } = input;
  return buildWebhookBody({
    deliveryId: input.deliveryId,
    event: input.event,
    createdAt: new Date(input.activity.created_at),
    team: { key: team.key, name: team.name },
    recommendation: {
      id: recommendation.id,
      identifier: `${team.key}-${recommendation.number}`,
      title: recommendation.title,
      state: input.state,
      priority: recommendation.priority,
      owner: input.owner,
      dueAt: recommendation.dueAt,
    },
    actor: input.actor,
    changes: input.activity.changes,
  });
}
