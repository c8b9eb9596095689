import { getMetrics, QueueWorkerHost, ReminderSender } from '@docket/core';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

@Injectable()
export class ReminderProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly host: QueueWorkerHost,
    private readonly sender: ReminderSender,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.process(
      'reminders',
      {
        'fire-recommendation': async ({ recommendationId }) => {
          const { sent } = await this.sender.fire(recommendationId);
          for (const occurrence of sent) getMetrics().reminders.inc({ kind: occurrence.kind });
          return { sent: sent.map((occurrence) => occurrence.kind) };
        },
        'fire-action-item': async ({ actionItemId }) => {
          const { sent } = await this.sender.fireActionItem(actionItemId);
          for (const occurrence of sent) getMetrics().reminders.inc({ kind: occurrence.kind });
          return { sent: sent.map((occurrence) => occurrence.kind) };
        },
        'catch-up-overdue': async ({ recommendationId, activityId }) => ({
          sent: await this.sender.catchUpOverdue(recommendationId, activityId),
        }),
      },
      8,
    );
  }
}
