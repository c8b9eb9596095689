import type {
  WebhookDeliveryStatus as WebhookDeliveryStatusName,
  WebhookEvent as WebhookEventName,
} from '@docket/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { WebhookDeliveryStatus, WebhookEvent } from './webhook-enums';

/** A team's webhook. Its secret is write-only: no field returns it. */
@ObjectType('Webhook')
export class WebhookModel {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => [WebhookEvent])
  events: WebhookEventName[];

  @Field({ description: 'False once 20 deliveries in a row FAILED; a disabled webhook gets no new events.' })
  enabled: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryModel {
  @Field(() => ID, { description: 'Also the body\'s "id" and the X-Docket-Delivery header.' })
  id: string;

  @Field(() => WebhookEvent)
  event: WebhookEventName;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatusName;

  @Field(() => Int, { description: 'HTTP attempts so far (a redelivery starts again from 0).' })
  attempts: number;

  @Field(() => Int, { nullable: true, description: "The last answer's HTTP status; null when none came." })
  responseCode: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;
}
