import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '../../..');
const committedFile = join(__dirname, 'generated/graphql.ts');
// The binary `npx graphql-codegen` (and so the Nx target) runs.
const codegenBin = join(root, 'node_modules/.bin/graphql-codegen');

describe('@docket/client', () => {
  it('commits the client that codegen makes of apps/api/schema.gql and src/operations (npx nx run client:generate)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-client-'));
    try {
      const freshFile = join(dir, 'graphql.ts');
      // The real CLI with the real config, only the output moved: Prettier 3 cannot format inside Jest's VM
      // (dynamic import), and this way the check and the Nx target cannot drift apart.
      await promisify(execFile)(process.execPath, [codegenBin, '--config', 'libs/client/codegen.ts', '--silent'], {
        cwd: root,
        env: { ...process.env, DOCKET_CLIENT_OUTPUT: freshFile },
      });
      expect(readFileSync(committedFile, 'utf8')).toBe(readFileSync(freshFile, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
