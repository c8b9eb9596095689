import { EMAIL_JOB_OPTIONS, EmailSender, QueueWorkerHost } from '@docket/core';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

@Injectable()
export class EmailProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly host: QueueWorkerHost,
    private readonly sender: EmailSender,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.process('deliveries', { 'send-email': async ({ deliveryId }) => this.sender.send(deliveryId) }, 8);
    // The last attempt failed: keep the delivery as FAILED for the record (reconcile leaves it alone).
    this.host.events.on(
      'failed',
      (queue: string, job: { data: { deliveryId?: string }; attemptsMade: number } | undefined, error: Error) => {
        if (queue === 'deliveries' && job?.data.deliveryId && job.attemptsMade >= EMAIL_JOB_OPTIONS.attempts) {
          void this.sender.markFailed(job.data.deliveryId, error.message).catch(() => undefined);
        }
      },
    );
  }
}
