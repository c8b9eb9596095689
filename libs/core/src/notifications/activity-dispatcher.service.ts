import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

import { type CommittedActivity, DomainEvents } from '../events/domain-events';
import { QueueService } from '../queues/queues.module';
import { RESCHEDULING_KINDS } from '../reminders/reminder-context';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';

const RESCHEDULES = new Set<string>(RESCHEDULING_KINDS);
const ITEM_KINDS = new Set<string>(['ACTION_ITEM_ADDED', 'ACTION_ITEM_UPDATED']);

/**
 * After a change commits: queue the fan-out of its activities, and reschedule the reminders it
 * affects at once. Losing this (a crash right after commit) loses nothing: reconcile finds activities
 * never notified and reminders without jobs.
 */
@Injectable()
export class ActivityDispatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Activity');
  private unsubscribe?: () => void;

  constructor(
    private readonly events: DomainEvents,
    private readonly queues: QueueService,
    private readonly scheduler: ReminderScheduler,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.on('activity.committed', (activities) => void this.dispatch(activities));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Idempotent while the job lives; removed when done or failed so reconcile can add it again. */
  enqueueFanOut(activityId: string) {
    return this.queues.add(
      'notifications',
      'fan-out-activity',
      { activityId },
      {
        jobId: `activity-${activityId}`,
        attempts: 10,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  async dispatch(activities: readonly CommittedActivity[]): Promise<void> {
    try {
      await Promise.all(activities.filter((a) => !a.notified).map((activity) => this.enqueueFanOut(activity.id)));
      const reschedule = [...new Set(activities.filter((a) => RESCHEDULES.has(a.kind)).map((a) => a.recommendationId))];
      if (reschedule.length) await this.scheduler.schedule(reschedule);
      // An item's deadline, assignee or status changed (or it was added): its reminders follow at once.
      const items = [
        ...new Set(
          activities
            .filter((a) => ITEM_KINDS.has(a.kind))
            .map((a) => a.changes.find((c) => c.field === 'actionItem'))
            .map((change) => change?.to ?? change?.from)
            .filter((id): id is string => typeof id === 'string'),
        ),
      ];
      if (items.length) await this.scheduler.scheduleActionItems(items);
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'dispatch failed; reconcile will catch up');
    }
  }
}
