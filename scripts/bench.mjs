#!/usr/bin/env node
// `npm run bench -- <name>`: runs bench/<name>.ts straight from the sources, no build step. TypeScript is
// transpiled on require by scripts/register-ts.cjs (@swc/core with Jest's options; @docket/* aliases to the
// libraries' src/index.ts). Type checking is `npm run typecheck`'s job (tsconfig.json includes bench/).
// Benchmarks print numbers; they never fail on them.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const name = process.argv[2];
const available = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3));
if (!name || !existsSync(join(root, 'bench', `${name}.ts`))) {
  console.error(`usage: npm run bench -- <name>; one of: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}

require('./register-ts.cjs');

const bench = require(join(root, 'bench', `${name}.ts`));
try {
  await bench.main(process.argv.slice(3));
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
