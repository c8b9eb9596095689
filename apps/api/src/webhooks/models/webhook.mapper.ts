import type { WebhookDeliveryEntity, WebhookEntity } from '@docket/data';

import type { WebhookDeliveryModel, WebhookModel } from './webhook.model';

// Field by field, so that nothing of the entity (the secret above all) reaches a response by accident.
export const toWebhookModel = (webhook: WebhookEntity): WebhookModel => ({
  id: webhook.id,
  url: webhook.url,
  events: webhook.events,
  enabled: webhook.enabled,
  createdAt: webhook.createdAt,
});

export const toWebhookDeliveryModel = (delivery: WebhookDeliveryEntity): WebhookDeliveryModel => ({
  id: delivery.id,
  event: delivery.event,
  status: delivery.status,
  attempts: delivery.attempts,
  responseCode: delivery.responseCode,
  lastError: delivery.lastError,
  createdAt: delivery.createdAt,
  deliveredAt: delivery.deliveredAt,
});
