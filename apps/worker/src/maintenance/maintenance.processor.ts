import {
  ActivityDispatcher,
  ActivityFanOut,
  DOCKET_CONFIG,
  EmailSender,
  NotificationsService,
  QueueService,
  QueueWorkerHost,
  ReminderScheduler,
  type RuntimeConfig,
  TokenPurgeService,
  WebhooksService,
} from '@docket/core';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

const HOUR_MS = 3600_000;
/** Left this long without its job, a fan-out or an email is taken to be lost with a queue. */
const LOST_AFTER_MS = 30_000;

@Injectable()
export class MaintenanceProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Maintenance');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly host: QueueWorkerHost,
    private readonly queues: QueueService,
    private readonly tokens: TokenPurgeService,
    private readonly scheduler: ReminderScheduler,
    private readonly fanOut: ActivityFanOut,
    private readonly dispatcher: ActivityDispatcher,
    private readonly emails: EmailSender,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.process('maintenance', {
      'purge-revoked-tokens': async () => {
        const purged = await this.tokens.purgeRevokedTokens();
        if (purged) this.logger.log(`purged ${purged} revoked API tokens`);
        return { purged };
      },
    });
    await this.queues.schedule('maintenance', 'purge-revoked-tokens', {}, HOUR_MS);
    // At start (what fell due while no worker ran goes out now), then on a timer of this process's own:
    // a repeatable job would vanish with the queue it is meant to rebuild.
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.reconcileIntervalMs);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      const done = await this.reconcile();
      if (done.reminders || done.activities || done.emails || done.webhooks)
        this.logger.log({ reconcile: done }, 'reconciled');
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'reconcile failed; next tick retries');
    }
  }

  /** Rebuilds from Postgres whatever the queues lost; every job it adds is idempotent. */
  async reconcile() {
    const reminders = await this.scheduler.reconcile();
    const activities = await this.fanOut.unnotified(LOST_AFTER_MS);
    await Promise.all(activities.map((activityId) => this.dispatcher.enqueueFanOut(activityId)));
    const emails = await this.emails.stale(LOST_AFTER_MS);
    await Promise.all(emails.map((deliveryId) => this.notifications.enqueueEmail(deliveryId)));
    const webhooks = await this.webhooks.stale(LOST_AFTER_MS);
    await Promise.all(webhooks.map((deliveryId) => this.webhooks.enqueue(deliveryId)));
    return { reminders, activities: activities.length, emails: emails.length, webhooks: webhooks.length };
  }
}
