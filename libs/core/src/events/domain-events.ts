import { EventEmitter } from 'node:events';

import type { ActivityKind, FieldChange } from '@docket/domain';
import { Injectable } from '@nestjs/common';

/** An activity row once its transaction has committed: what notifications, live updates and webhooks start from. */
export interface CommittedActivity {
  id: string;
  kind: ActivityKind;
  recommendationId: string;
  teamId: string;
  actorId: string | null;
  commentId: string | null;
  changes: FieldChange[];
  createdAt: Date;
  /** Its writer already planned what it owes (a sent reminder): no fan-out job is needed. */
  notified: boolean;
}

export interface CreatedNotification {
  id: string;
  userId: string;
}

interface DomainEventMap {
  /** Activities of one committed transaction, in the order they were written. */
  'activity.committed': [CommittedActivity[]];
  'notification.created': [CreatedNotification[]];
}

/**
 * In-process events raised after a change is durable. Listeners fan out (queues, pub/sub); they never
 * run inside the writer's transaction, so a listener's failure cannot undo or half-make a change.
 */
@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends keyof DomainEventMap>(event: E, ...args: DomainEventMap[E]): void {
    this.emitter.emit(event, ...args);
  }

  on<E extends keyof DomainEventMap>(event: E, listener: (...args: DomainEventMap[E]) => void): () => void {
    const wrapped = listener as (...args: unknown[]) => void;
    this.emitter.on(event, wrapped);
    return () => this.emitter.off(event, wrapped);
  }
}
