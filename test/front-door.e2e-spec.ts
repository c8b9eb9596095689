import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { GraphqlClient } from '@docket/testing';

const root = resolve(__dirname, '..');

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** `npm start` as a newcomer runs it: no DATABASE_URL, no REDIS_URL; resolves once the URL is printed. */
async function npmStart(dataDir: string, port: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'DOCKET_DEMO', 'JWT_SECRET', 'LOG_LEVEL']) delete env[name];
  const child = spawn(process.execPath, ['scripts/start.mjs', 'all'], { cwd: root, env, stdio: 'pipe' });
  let output = '';
  const ready = new Promise<void>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('docket: GraphQL API at')) resolvePromise();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  await ready;
  return { child, output: () => output };
}

async function stop({ child }: Started): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

describe('npm start with nothing but Node.js', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'docket-front-door-'));
  let port: number;

  beforeAll(async () => {
    port = await freePort();
  });

  it('runs API and worker on embedded Postgres, loads the demo once, keeps data, and stops cleanly', async () => {
    const first = await npmStart(dataDir, port);
    try {
      expect(first.output()).toContain('demo team KOR loaded');
      expect(first.output()).toContain('admin@docket.demo');
      expect(first.output()).toContain('Worker running on Postgres queues');

      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });

      const client = new GraphqlClient(`http://127.0.0.1:${port}`);
      const { login } = await client.data<{ login: { token: string } }>(
        `mutation { login(input: { email: "member@docket.demo", password: "docket-demo" }) { token } }`,
      );
      const { teams } = await client
        .as(login.token)
        .data<{ teams: { key: string; members: unknown[] }[] }>(`{ teams { key members { role } } }`);
      expect(teams).toEqual([{ key: 'KOR', members: expect.arrayContaining([{ role: 'ADMIN' }, { role: 'MEMBER' }]) }]);
    } finally {
      expect(await stop(first)).toBe(0);
    }

    const second = await npmStart(dataDir, port);
    try {
      expect(second.output()).not.toContain('demo team KOR loaded');
      const client = new GraphqlClient(`http://127.0.0.1:${port}`);
      const { login } = await client.data<{ login: { token: string } }>(
        `mutation { login(input: { email: "admin@docket.demo", password: "docket-demo" }) { token } }`,
      );
      expect(login.token).toBeTruthy();
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 180_000);
});
