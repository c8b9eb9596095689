import { Writable } from 'node:stream';

import { createTestDatabase, startRedisServer, testConfig } from '@docket/testing';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

import { WorkerHealthServer } from '../apps/worker/src/health/worker-health.server';
import { bootstrapWorker } from '../apps/worker/src/main';
import { startTestApi, type TestApi } from './support/api-harness';

/** Collects the JSON lines an app logs. */
class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  raw = '';

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.raw += chunk.toString();
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe('operations', () => {
  describe('logs, health and metrics of a running API', () => {
    let api: TestApi;
    const logs = new LogCapture();

    beforeAll(async () => {
      api = await startTestApi({ env: { LOG_LEVEL: 'info' }, logStream: logs });
    });
    afterAll(() => api.close());

    it('logs JSON lines with the request id, the operation name and its duration, secrets redacted', async () => {
      const { token } = await api.signUp('logs@example.com');
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': 'req-abc-123',
        },
        body: JSON.stringify({ query: 'query Me { me { id } }', operationName: 'Me' }),
      });
      expect(response.headers.get('x-request-id')).toBe('req-abc-123');
      const operation = logs.lines.find(
        (line) => (line['graphql'] as { operationName?: string })?.operationName === 'Me',
      );
      expect(operation).toMatchObject({
        app: 'api',
        requestId: 'req-abc-123',
        graphql: { type: 'query', durationMs: expect.any(Number), errors: [] },
      });
      const finished = logs.lines.find((line) => line['requestId'] === 'req-abc-123' && line['res']);
      expect(finished).toMatchObject({ req: { headers: { authorization: '[redacted]' } } });
      expect(logs.raw).not.toContain(token);
      expect(logs.raw).not.toContain('correct horse battery');
    });

    it('makes a request id when the caller sends none', async () => {
      const response = await fetch(`${api.url}/health`);
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers /health with 200 and the checks', async () => {
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('serves Prometheus metrics: operation latency by name, errors by code, queues and the pool', async () => {
      await api.client.request('query Anonymous { me { id } }');
      const text = await (await fetch(`${api.url}/metrics`)).text();
      const families = new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family]));
      const histogram = families.get('docket_graphql_operation_duration_seconds');
      expect(histogram?.type).toBe('HISTOGRAM');
      // The parser folds labelled histogram series together, so read this family's count line itself.
      const count = /^docket_graphql_operation_duration_seconds_count\{operation="Me",type="query"\} (\d+)$/m.exec(
        text,
      );
      expect(Number(count?.[1])).toBeGreaterThanOrEqual(1);
      const errors = families.get('docket_graphql_errors_total');
      expect(errors?.metrics.find((m) => m.labels?.['code'] === 'UNAUTHENTICATED')?.value).toBeDefined();
      const queues = families.get('docket_queue_jobs');
      expect(queues?.metrics.some((m) => m.labels?.['queue'] === 'maintenance')).toBe(true);
      expect(families.get('docket_queue_oldest_waiting_seconds')?.metrics.length).toBeGreaterThan(0);
      expect(families.get('docket_db_pool_connections')?.metrics.some((m) => m.labels?.['state'] === 'total')).toBe(
        true,
      );
      expect(families.get('docket_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    });
  });

  it('answers /health with 503 naming redis when Redis does not answer', async () => {
    const api = await startTestApi({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; error: Record<string, unknown> };
      expect(body.status).toBe('error');
      expect(Object.keys(body.error)).toEqual(['redis']);
    } finally {
      await api.close();
    }
  });

  it('serves the worker health on its own port', async () => {
    const database = await createTestDatabase();
    const worker = await bootstrapWorker(testConfig({ databaseUrl: database.url }), { healthPort: 0 });
    try {
      const port = worker.get(WorkerHealthServer).address();
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    } finally {
      await worker.close();
      await database.drop();
    }
  });

  describe('in production', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ env: { NODE_ENV: 'production', CORS_ORIGINS: 'https://app.example.com' } });
    });
    afterAll(() => api.close());

    it('turns introspection off', async () => {
      const result = await api.client.request('{ __schema { queryType { name } } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it("sends helmet's headers and allows only the configured origins", async () => {
      const preflight = (origin: string) =>
        fetch(`${api.url}/graphql`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const allowed = await preflight('https://app.example.com');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      const refused = await preflight('https://evil.example.com');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const health = await fetch(`${api.url}/health`);
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    });
  });

  it('warns at worker start when Redis may evict jobs (maxmemory-policy other than noeviction)', async () => {
    const redis = await startRedisServer(['--maxmemory-policy', 'allkeys-lru']);
    const database = await createTestDatabase();
    const logs = new LogCapture();
    try {
      const config = testConfig({ databaseUrl: database.url, env: { REDIS_URL: redis.url, LOG_LEVEL: 'warn' } });
      const worker = await bootstrapWorker(config, { logStream: logs });
      await worker.close();
      expect(logs.lines.map((line) => line['msg'])).toContainEqual(
        expect.stringContaining('maxmemory-policy is allkeys-lru'),
      );
    } finally {
      await redis.stop();
      await database.drop();
    }
  });
});
