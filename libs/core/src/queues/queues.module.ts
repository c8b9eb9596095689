import { EventEmitter } from 'node:events';

import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type Job, type JobsOptions, Queue } from 'bullmq';

import { DOCKET_CONFIG } from '../config/config.module';
import { type BackedQueue, type BackedWorker, createQueueBackend, type QueueBackend } from './queue-backend';
import { type JobName, type JobPayload, QUEUE_NAMES, type QueueJobs, type QueueName } from './queue-names';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

export type JobHandlers<Q extends QueueName> = {
  [N in JobName<Q>]: (data: JobPayload<Q, N>, job: Job) => Promise<unknown>;
};

/** Adds jobs with typed names and payloads. */
@Injectable()
export class QueueService {
  private readonly queues = new Map<QueueName, BackedQueue>();

  constructor(@Inject(QUEUE_BACKEND) private readonly backend: QueueBackend) {}

  get backendKind(): QueueBackend['kind'] {
    return this.backend.kind;
  }

  add<Q extends QueueName, N extends JobName<Q>>(queue: Q, name: N, data: JobPayload<Q, N>, opts?: JobsOptions) {
    return this.queue(queue).add(name, data, opts);
  }

  /** Runs `name` every `everyMs`; one schedule per id however many processes call this. */
  schedule<Q extends QueueName, N extends JobName<Q>>(queue: Q, name: N, data: JobPayload<Q, N>, everyMs: number) {
    return this.queue(queue).upsertJobScheduler(`${queue}-${name}`, { every: everyMs }, { name, data });
  }

  counts(queue: QueueName): Promise<Record<string, number>> {
    return this.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }

  /** When the oldest job still waiting in the queue was added; null when none waits. */
  async oldestWaitingSince(queue: QueueName): Promise<Date | null> {
    const [oldest] = await this.queue(queue).getJobs(['waiting'], 0, 0, true);
    return oldest ? new Date(oldest.timestamp) : null;
  }

  /**
   * BullMQ's own Queue of every name in QUEUE_NAMES (created on first use), for tools that speak BullMQ
   * rather than Docket (the queue dashboard). On Postgres each is the `withBackend` subclass of Queue.
   */
  allQueues(): Queue[] {
    return QUEUE_NAMES.map((name) => {
      const queue = this.queue(name);
      if (!(queue instanceof Queue)) throw new Error(`Queue ${name} is not a BullMQ Queue`);
      return queue;
    });
  }

  private queue(name: QueueName): BackedQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.backend.createQueue(name);
      this.queues.set(name, queue);
    }
    return queue;
  }
}

/** Runs processors; used by the worker app (and by `npm start`, which runs API and worker together). */
@Injectable()
export class QueueWorkerHost {
  private readonly logger = new Logger('Worker');
  private readonly workers: BackedWorker[] = [];
  /** `completed` and `failed` (queue name, job, error?) from every worker of this process: tests and metrics wait on these. */
  readonly events = new EventEmitter();

  constructor(@Inject(QUEUE_BACKEND) private readonly backend: QueueBackend) {}

  /** Warns once at worker start about store settings that could lose jobs. */
  async warnAboutRiskySettings(): Promise<void> {
    for (const warning of await this.backend.riskySettings()) this.logger.warn(warning);
  }

  async process<Q extends QueueName>(queue: Q, handlers: JobHandlers<Q>, concurrency = 4): Promise<void> {
    const worker = this.backend.createWorker(
      queue,
      async (job) => {
        const handler = (handlers as unknown as Record<string, JobHandlers<Q>[JobName<Q>]>)[job.name];
        if (!handler) throw new Error(`No handler for job ${job.name} on queue ${queue}`);
        const started = Date.now();
        const result = await handler(job.data as JobPayload<Q, JobName<Q>>, job);
        this.logger.log({ queue, job: job.name, jobId: job.id, durationMs: Date.now() - started }, 'job completed');
        return result;
      },
      { concurrency },
    );
    worker.on('failed', (job, error) => {
      this.logger.warn(
        { queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, error: error.message },
        'job failed',
      );
      this.events.emit('failed', queue, job, error);
    });
    worker.on('completed', (job) => this.events.emit('completed', queue, job));
    await worker.waitUntilReady();
    this.workers.push(worker);
  }

  /** Lets each worker finish its current job, then stops taking new ones. */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }
}

/**
 * Workers finish their current jobs while the database is still open (module destroy comes before
 * TypeORM closes its pool at application shutdown); the queues' connections close last.
 */
@Injectable()
class QueueShutdown implements OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly host: QueueWorkerHost,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.host.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }
}

@Global()
@Module({
  providers: [
    { provide: QUEUE_BACKEND, inject: [DOCKET_CONFIG], useFactory: createQueueBackend },
    QueueService,
    QueueWorkerHost,
    QueueShutdown,
  ],
  exports: [QueueService, QueueWorkerHost, QUEUE_BACKEND],
})
export class QueuesModule {}

export type { QueueJobs };
