import type { GraphqlClient } from '@docket/testing';

import type { TestApi } from './api-harness';

export const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { key } }`;
export const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`;

export interface Person {
  client: GraphqlClient;
  id: string;
}

export async function signUpPerson(api: TestApi, email: string): Promise<Person> {
  const { client, userId } = await api.signUp(email);
  return { client, id: userId };
}

/** The people every team of these tests has besides its admin, each in one role. */
export const CAST: ReadonlyArray<[email: string, role: string]> = [
  ['manager@example.com', 'MANAGER'],
  ['member@example.com', 'MEMBER'],
  ['other@example.com', 'MEMBER'],
  ['stakeholder@example.com', 'STAKEHOLDER'],
];

/** A team created by `admin`, with the manager, both members and the stakeholder of the cast in it. */
export async function createTeamWithCast(admin: GraphqlClient, key: string): Promise<void> {
  await admin.data(CREATE_TEAM, { input: { key, name: `Team ${key}` } });
  for (const [email, role] of CAST) await admin.data(ADD_MEMBER, { input: { teamKey: key, email, role } });
}
