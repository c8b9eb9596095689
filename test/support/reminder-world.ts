import { QueueWorkerHost, type RuntimeConfig } from '@docket/core';
import { type GraphqlClient, type QueueBackendKind, TestSmtpServer } from '@docket/testing';
import type { INestApplicationContext } from '@nestjs/common';

import { bootstrapWorker } from '../../apps/worker/src/main';
import { startTestApi, type TestApi } from './api-harness';

export const SET_POLICY = `mutation($teamKey: String!, $input: ReminderPolicyInput!) {
  setReminderPolicy(teamKey: $teamKey, input: $input) { remindBefore remindOnDue overdueEvery escalateAfter channels } }`;
export const CREATE = `mutation($input: CreateRecommendationInput!) {
  createRecommendation(input: $input) { id identifier dueAt } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateRecommendationInput!) {
  updateRecommendation(id: $id, input: $input) { id dueAt version } }`;
export const NOTIFICATIONS = `query($first: Int) { notifications(first: $first) {
  totalCount nodes { id kind title body readAt recommendation { identifier } } } }`;

export interface Person {
  client: GraphqlClient;
  id: string;
  email: string;
}

/**
 * A team with an admin, a manager and an owner, the API, a worker on the same database and queues,
 * and an SMTP server that records what arrives.
 */
export class ReminderWorld {
  api!: TestApi;
  smtp!: TestSmtpServer;
  workers: INestApplicationContext[] = [];
  admin!: Person;
  manager!: Person;
  owner!: Person;

  constructor(
    readonly backend: QueueBackendKind,
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<this> {
    this.smtp = await new TestSmtpServer().start();
    this.api = await startTestApi({ backend: this.backend, env: { SMTP_URL: this.smtp.url, ...this.env } });
    const [admin, manager, owner] = await Promise.all(
      ['admin', 'manager', 'owner'].map(async (name) => {
        const email = `${name}@example.com`;
        const { client, userId } = await this.api.signUp(email, name);
        return { client, id: userId, email };
      }),
    );
    Object.assign(this, { admin, manager, owner });
    await this.admin.client.data(`mutation { createTeam(input: { key: "KOR", name: "Korea" }) { key } }`);
    for (const [person, role] of [
      [this.manager, 'MANAGER'],
      [this.owner, 'MEMBER'],
    ] as const) {
      await this.admin.client.data(`mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`, {
        input: { teamKey: 'KOR', email: person.email, role },
      });
    }
    return this;
  }

  async startWorker(overrides: Partial<RuntimeConfig> = {}): Promise<INestApplicationContext> {
    const worker = await bootstrapWorker({ ...this.api.config, ...overrides });
    this.workers.push(worker);
    return worker;
  }

  host(worker = this.workers[0]!): QueueWorkerHost {
    return worker.get(QueueWorkerHost);
  }

  setPolicy(input: Record<string, unknown>) {
    return this.admin.client.data(SET_POLICY, { teamKey: 'KOR', input });
  }

  async create(title: string, dueAt: Date, ownerId = this.owner.id) {
    const { createRecommendation } = await this.admin.client.data<{
      createRecommendation: { id: string; identifier: string };
    }>(CREATE, { input: { teamKey: 'KOR', title, ownerId, dueAt: dueAt.toISOString() } });
    return createRecommendation;
  }

  async stop(): Promise<void> {
    for (const worker of this.workers.splice(0)) await worker.close();
    await this.api.close();
    await this.smtp.stop();
  }
}

export const seconds = (n: number) => new Date(Date.now() + n * 1000);
