import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one metrics registry. `npm start` runs API and worker in one process, so both apps
 * share it and /metrics shows both; separate processes each expose their own.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'docket_' });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'docket_http_request_duration_seconds',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'docket_graphql_operation_duration_seconds',
      help: 'GraphQL operations by operation name and type',
      labelNames: ['operation', 'type'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'docket_graphql_errors_total',
      help: 'GraphQL errors by extensions.code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    jobs: new Counter({
      name: 'docket_jobs_total',
      help: 'Jobs finished by this process, by queue, job name and outcome',
      labelNames: ['queue', 'name', 'outcome'] as const,
      registers: [registry],
    }),
    emails: new Counter({
      name: 'docket_emails_total',
      help: 'Email sends by outcome (sent, failed)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    reminders: new Counter({
      name: 'docket_reminders_total',
      help: 'Reminder occurrences sent, by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    queueJobs: new Gauge({
      name: 'docket_queue_jobs',
      help: 'Jobs in each queue by state, read at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
    }),
    queueOldestWaiting: new Gauge({
      name: 'docket_queue_oldest_waiting_seconds',
      help: 'Age of the oldest job waiting in each queue (0 when none)',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    dbPool: new Gauge({
      name: 'docket_db_pool_connections',
      help: 'Postgres pool connections of this process by state (total, idle, waiting clients)',
      labelNames: ['app', 'state'] as const,
      registers: [registry],
    }),
  };
}

export type DocketMetrics = ReturnType<typeof createMetrics>;

let metrics: DocketMetrics | undefined;

export function getMetrics(): DocketMetrics {
  metrics ??= createMetrics();
  return metrics;
}
