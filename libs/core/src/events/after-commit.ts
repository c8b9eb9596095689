import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

import { type CommittedActivity, DomainEvents } from './domain-events';

type Callback = () => void;

/**
 * Runs work once the writer's transaction commits (and drops it on rollback): raising events, adding
 * jobs. Writers call it inside their transaction and never think about it again; outside a
 * transaction the work runs at once.
 */
@Injectable()
export class AfterCommit implements OnModuleInit, EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Callback[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  run(manager: EntityManager, callback: Callback): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      callback();
      return;
    }
    const callbacks = this.pending.get(runner) ?? [];
    callbacks.push(callback);
    this.pending.set(runner, callbacks);
  }

  /** Raises `activity.committed` for activities written through `manager`, once they are durable. */
  track(manager: EntityManager, activities: CommittedActivity[]): void {
    if (activities.length) this.run(manager, () => this.events.emit('activity.committed', activities));
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    const callbacks = this.pending.get(event.queryRunner);
    if (!callbacks) return;
    this.pending.delete(event.queryRunner);
    for (const callback of callbacks) callback();
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    this.pending.delete(event.queryRunner);
  }
}
