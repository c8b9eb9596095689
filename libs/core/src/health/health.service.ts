import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import {
  type HealthCheckResult,
  HealthCheckService,
  type HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';

import type { QueueBackend } from '../queues/queue-backend';
import { QUEUE_BACKEND } from '../queues/queues.module';

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);
}

/** Postgres, and Redis where the queues use it: `status` ok, or error with the failed check under `error`. */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(QUEUE_BACKEND) private readonly queues: QueueBackend,
  ) {}

  /** Never throws: a failing check is reported in the result (the HTTP layers turn it into 503). */
  async check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [
      () => this.database.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
    ];
    if (this.queues.kind === 'redis') checks.push(() => this.redis());
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
      throw error;
    }
  }

  private async redis() {
    const indicator = this.indicators.check('redis');
    try {
      await withTimeout(this.queues.ping(), CHECK_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
