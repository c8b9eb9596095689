import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';

import { buildServedSchema, printServedSchema } from '../apps/api/src/emit-schema';
import { startTestApi, type TestApi } from './support/api-harness';

const root = resolve(__dirname, '..');
const committedSchema = join(root, 'apps/api/schema.gql');
const checkSchema = resolve(root, '../shared/contract/check-schema.mjs');
const pendingFile = join(root, 'test/contract-pending.txt');

function contractDifferences(): string[] {
  if (!existsSync(checkSchema)) throw new Error(`The contract's checker is missing: ${checkSchema}`);
  let output: string;
  try {
    output = execFileSync(process.execPath, [checkSchema, committedSchema], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    // Exit code 1 means "differences found"; its stdout is the list.
    output = (error as { stdout?: string }).stdout ?? '';
  }
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^\d+ differences from the contract$/.test(line));
}

function pendingList(): string[] {
  return readFileSync(pendingFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

describe('the GraphQL contract', () => {
  it('apps/api/schema.gql is the schema the resolvers build (npm run schema:emit when this fails)', async () => {
    expect(readFileSync(committedSchema, 'utf8')).toBe(printServedSchema(await buildServedSchema()));
  });

  it('differs from ../shared/contract/schema.graphql by exactly the pending list, which only shrinks', () => {
    const differences = contractDifferences();
    const pending = pendingList();
    const unlisted = differences.filter((line) => !pending.includes(line));
    const fixedButListed = pending.filter((line) => !differences.includes(line));
    expect({ unlisted, fixedButListed }).toEqual({ unlisted: [], fixedButListed: [] });
  });

  describe('served over HTTP', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(() => api.close());

    it('answers introspection without a token with the committed schema', async () => {
      const { data } = await api.client.request<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true }));
      expect(data).toBeTruthy();
      expect(printServedSchema(buildClientSchema(data!))).toBe(readFileSync(committedSchema, 'utf8'));
    });
  });
});
