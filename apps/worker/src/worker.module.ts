import { CoreModule, type RuntimeConfig } from '@docket/core';
import { type DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';

import { EmailProcessor } from './deliveries/email.processor';
import { WebhookProcessor } from './deliveries/webhook.processor';
import { WORKER_HEALTH_PORT, WorkerHealthServer } from './health/worker-health.server';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { NotificationProcessor } from './notifications/notification.processor';
import { ReminderProcessor } from './reminders/reminder.processor';

export interface WorkerOptions {
  /** Serve GET /health on this port (a worker running alone, for an orchestrator). */
  healthPort?: number;
  logStream?: DestinationStream;
}

/** BullMQ delivery only: each processor registers its queue's handlers at bootstrap. */
@Module({})
export class WorkerModule {
  static forRoot(config: RuntimeConfig, options: WorkerOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, { app: 'worker', stream: options.logStream })],
      providers: [
        MaintenanceProcessor,
        ReminderProcessor,
        NotificationProcessor,
        EmailProcessor,
        WebhookProcessor,
        WorkerHealthServer,
        { provide: WORKER_HEALTH_PORT, useValue: options.healthPort },
      ],
    };
  }
}
