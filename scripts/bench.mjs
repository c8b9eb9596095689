#!/usr/bin/env node
// `npm run bench -- <name>`: runs bench/<name>.ts straight from the sources, no build step. TypeScript is
// transpiled on require by @swc/core with the same options as Jest (decorator metadata for Nest and TypeORM),
// and the @docket/* aliases resolve to the libraries' src/index.ts through tsconfig-paths. Type checking is
// `npm run typecheck`'s job (tsconfig.json includes bench/). Benchmarks print numbers; they never fail on them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

const swc = require('@swc/core');
const Module = require('node:module');
Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

const { register } = require('tsconfig-paths');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: compilerOptions.paths });

const bench = require(join(root, 'bench', `${name}.ts`));
try {
  await bench.main(process.argv.slice(3));
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
