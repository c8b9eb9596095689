import type { WebhookEvent as WebhookEventName } from '@docket/domain';
import { Field, InputType } from '@nestjs/graphql';

import { WebhookEvent } from '../models/webhook-enums';

/** Checked by the domain (`parseWebhookInput`) and, for where the URL points, by the service. */
@InputType()
export class CreateWebhookInput {
  @Field()
  teamKey: string;

  @Field()
  url: string;

  @Field(() => [WebhookEvent])
  events: WebhookEventName[];

  @Field({ description: 'Signs each delivery: X-Docket-Signature: sha256=<hex HMAC of the body>.' })
  secret: string;
}
