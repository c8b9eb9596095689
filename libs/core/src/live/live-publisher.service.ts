import { setTimeout as delay } from 'node:timers/promises';

import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

import { DomainEvents } from '../events/domain-events';
import { type TeamActivityMessage, teamChannel, userChannel, type UserNotificationMessage } from './live-channels';
import { LivePubSub } from './live-pubsub';

/**
 * Publishes what this process commits, in both apps: a change made by the API, or a notification or
 * reminder written by the worker, reaches subscribers on every API process through Redis or Postgres.
 */
@Injectable()
export class LivePublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveUpdates');
  private readonly stops: Array<() => void> = [];
  /** One publish at a time, so subscribers see a transaction's activities in the order they were written. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: DomainEvents,
    private readonly pubsub: LivePubSub,
  ) {}

  onModuleInit(): void {
    this.stops.push(
      this.events.on('activity.committed', (activities) => {
        for (const a of activities) {
          this.send(teamChannel(a.teamId), {
            activityId: a.id,
            recommendationId: a.recommendationId,
            teamId: a.teamId,
            kind: a.kind,
            commentId: a.commentId,
          } satisfies TeamActivityMessage);
        }
      }),
      this.events.on('notification.created', (notifications) => {
        for (const n of notifications) {
          this.send(userChannel(n.userId), {
            notificationId: n.id,
            userId: n.userId,
          } satisfies UserNotificationMessage);
        }
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    // Let what is in flight go out, but never hold shutdown for a store that does not answer.
    await Promise.race([this.tail, delay(2000, undefined, { ref: false })]);
  }

  private send(channel: string, message: object): void {
    // Live updates are best effort: a failed publish is logged, never undoes or fails the change.
    this.tail = this.tail
      .then(() => this.pubsub.publish(channel, message))
      .catch((error: unknown) => this.logger.warn(`publishing on ${channel} failed: ${String(error)}`));
  }
}
