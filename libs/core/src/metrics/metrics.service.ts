import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

import { QUEUE_NAMES, type QueueName } from '../queues/queue-names';
import { QueueService, QueueWorkerHost } from '../queues/queues.module';
import { getMetrics } from './metrics';

export const DOCKET_APP = Symbol('DOCKET_APP');

/** Feeds the shared registry: job outcomes as they happen, queue depth and pool usage when scraped. */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  private readonly metrics = getMetrics();
  private readonly onCompleted = (queue: QueueName, job: Job) =>
    this.metrics.jobs.inc({ queue, name: job.name, outcome: 'completed' });
  private readonly onFailed = (queue: QueueName, job: Job | undefined) =>
    this.metrics.jobs.inc({ queue, name: job?.name ?? 'unknown', outcome: 'failed' });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly host: QueueWorkerHost,
    @Inject(DOCKET_APP) private readonly app: string,
  ) {
    host.events.on('completed', this.onCompleted);
    host.events.on('failed', this.onFailed);
  }

  onModuleDestroy(): void {
    this.host.events.off('completed', this.onCompleted);
    this.host.events.off('failed', this.onFailed);
  }

  /** The Prometheus text exposition, with the scrape-time gauges refreshed first. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    await Promise.all(QUEUE_NAMES.map((queue) => this.readQueue(queue)));
    // TypeORM's Postgres driver keeps its pg.Pool as `master`.
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (pool) {
      this.metrics.dbPool.set({ app: this.app, state: 'total' }, pool.totalCount);
      this.metrics.dbPool.set({ app: this.app, state: 'idle' }, pool.idleCount);
      this.metrics.dbPool.set({ app: this.app, state: 'waiting' }, pool.waitingCount);
    }
    return { contentType: this.metrics.registry.contentType, body: await this.metrics.registry.metrics() };
  }

  private async readQueue(queue: QueueName): Promise<void> {
    const [counts, oldest] = await Promise.all([this.queues.counts(queue), this.queues.oldestWaitingSince(queue)]);
    for (const [state, count] of Object.entries(counts)) this.metrics.queueJobs.set({ queue, state }, count);
    this.metrics.queueOldestWaiting.set({ queue }, oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
  }
}
