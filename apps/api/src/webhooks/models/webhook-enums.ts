import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@docket/domain';
import { registerEnumType } from '@nestjs/graphql';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const WebhookEvent = asEnum(WEBHOOK_EVENTS);
registerEnumType(WebhookEvent, { name: 'WebhookEvent' });

export const WebhookDeliveryStatus = asEnum(WEBHOOK_DELIVERY_STATUSES);
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });
