import { QueueWorkerHost, WebhookSender } from '@docket/core';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

/**
 * One job per webhook delivery. The sender records each outcome itself (FAILED included, after the last
 * attempt), so a job that BullMQ gives up on early leaves its delivery PENDING for reconcile.
 */
@Injectable()
export class WebhookProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly host: QueueWorkerHost,
    private readonly sender: WebhookSender,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.process('webhooks', { deliver: async ({ deliveryId }) => this.sender.send(deliveryId) }, 8);
  }
}
