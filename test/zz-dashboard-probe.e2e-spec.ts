import { Writable } from 'node:stream';

import { QueueService } from '@docket/core';

import { startTestApi } from './support/api-harness';

class LogCapture extends Writable {
  raw = '';
  override _write(chunk: Buffer, _e: string, done: () => void): void {
    this.raw += chunk.toString();
    done();
  }
}

const auth = { authorization: `Basic ${Buffer.from('ops:long enough secret').toString('base64')}` };

describe.each(['redis', 'postgres'] as const)('probe %s', (backend) => {
  it('probes', async () => {
    const logs = new LogCapture();
    const api = await startTestApi({
      backend,
      logStream: logs,
      env: { LOG_LEVEL: 'info', ADMIN_USER: 'ops', ADMIN_PASSWORD: 'long enough secret' },
    });
    const out: string[] = [];
    try {
      const queues = api.app.get(QueueService);
      await queues.add('reminders', 'fire-recommendation', { recommendationId: 'r1' }, { jobId: 'j1' });
      await queues.add('reminders', 'fire-recommendation', { recommendationId: 'r2' }, { jobId: 'j2', delay: 60000 });
      await queues.schedule('maintenance', 'purge-revoked-tokens', {}, 3600000);
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`${api.url}/admin/queues${path}`, {
          method,
          headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await r.text();
        out.push(`${method} ${path} -> ${r.status} ${r.headers.get('content-type')} ${text.slice(0, 160).replace(/\n/g, ' ')}`);
        return text;
      };
      const html = await call('GET', '');
      await call('GET', '/');
      const js = /src="(static\/js\/main[^"]+)"/.exec(html)?.[1];
      await call('GET', `/${js}`);
      for (const p of [
        '/api/redis/stats',
        '/api/queues',
        '/api/queues?activeQueue=reminders&status=latest&page=1&jobsPerPage=10',
        '/api/queues?activeQueue=reminders&status=delayed&page=1&jobsPerPage=10',
        '/api/job-schedulers',
        '/api/queues/reminders/metrics',
        '/api/queues/reminders/default-job-options',
        '/api/queues/reminders/workers',
        '/api/queues/reminders/rate-limit',
        '/api/queues/reminders/job-data-schema',
        '/api/queues/reminders/j1',
        '/api/queues/reminders/j1/logs',
        '/api/queues/reminders/j1/flow',
      ])
        await call('GET', p);
      await call('PUT', '/api/queues/reminders/pause');
      await call('GET', '/api/queues');
      await call('PUT', '/api/queues/reminders/resume');
      await call('PUT', '/api/queues/reminders/j2/promote');
      await call('PUT', '/api/queues/reminders/promote');
      await call('PUT', '/api/queues/reminders/retry/failed');
      await call('PUT', '/api/queues/reminders/clean/completed');
      await call('PUT', '/api/queues/reminders/j1/clean');
      await call('POST', '/api/queues/reminders/add', { name: 'x', data: {} });
      await call('PUT', '/api/queues/reminders/concurrency', { concurrency: 2 });
      await call('PUT', '/api/queues/maintenance/job-schedulers/maintenance-purge-revoked-tokens/run');
      await call('PUT', '/api/queues/reminders/empty');
      await call('PUT', '/api/queues/pause');
      await call('PUT', '/api/queues/resume');
      out.push('LOGGED: ' + JSON.stringify(logs.raw.split('\n').filter((l) => l.includes('admin/queues')).slice(0, 2)));
    } finally {
      console.log(out.join('\n'));
      await api.close();
    }
  });
});
