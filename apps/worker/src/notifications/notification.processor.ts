import { ActivityFanOut, QueueWorkerHost } from '@docket/core';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

@Injectable()
export class NotificationProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly host: QueueWorkerHost,
    private readonly fanOut: ActivityFanOut,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.process(
      'notifications',
      { 'fan-out-activity': async ({ activityId }) => ({ notified: await this.fanOut.fanOut(activityId) }) },
      8,
    );
  }
}
