import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { QueueBackend } from '../queues/queue-backend';
import { QUEUE_BACKEND } from '../queues/queues.module';

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down'; error?: string }>;
}

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QUEUE_BACKEND) private readonly queues: QueueBackend,
  ) {}

  async check(): Promise<HealthReport> {
    const checks: HealthReport['checks'] = {};
    const run = async (name: string, probe: () => Promise<unknown>) => {
      try {
        await withTimeout(probe(), CHECK_TIMEOUT_MS);
        checks[name] = { status: 'up' };
      } catch (error) {
        checks[name] = { status: 'down', error: (error as Error).message };
      }
    };
    await Promise.all([
      run('postgres', () => this.dataSource.query('SELECT 1')),
      ...(this.queues.kind === 'redis' ? [run('redis', () => this.queues.ping())] : []),
    ]);
    const ok = Object.values(checks).every((check) => check.status === 'up');
    return { status: ok ? 'ok' : 'error', checks };
  }
}
