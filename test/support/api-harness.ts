import type { AddressInfo } from 'node:net';

import type { RuntimeConfig } from '@docket/core';
import {
  createTestDatabase,
  GraphqlClient,
  type QueueBackendKind,
  testConfig,
  type TestDatabase,
} from '@docket/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';

import { createApiApp } from '../../apps/api/src/main';

export interface TestApi {
  app: NestExpressApplication;
  /** The settings the API runs with: a worker given these shares its database and queues. */
  config: RuntimeConfig;
  url: string;
  client: GraphqlClient;
  database: TestDatabase;
  close(): Promise<void>;
  /** Registers a user and returns a client holding their session token. */
  signUp(email: string, name?: string): Promise<{ client: GraphqlClient; token: string; userId: string }>;
}

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token user { id } } }`;

/** The real API on a random port, with its own database. */
export async function startTestApi(
  options: { backend?: QueueBackendKind; env?: Record<string, string>; logStream?: DestinationStream } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = testConfig({ databaseUrl: database.url, backend: options.backend, env: options.env });
  const app = await createApiApp(config, options.logStream);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const client = new GraphqlClient(url);
  return {
    app,
    config,
    url,
    client,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
    async signUp(email, name = email.split('@')[0]!) {
      const { register } = await client.data<{ register: { token: string; user: { id: string } } }>(REGISTER, {
        input: { email, name, password: 'correct horse battery' },
      });
      return { client: client.as(register.token), token: register.token, userId: register.user.id };
    },
  };
}
