// Runs TypeScript straight from the sources (node -r ./scripts/register-ts.cjs, or required by bench.mjs and
// run-ts.mjs): @swc/core transpiles each .ts file on require with the same options as Jest (decorator metadata for
// Nest and TypeORM), and the @docket/* aliases resolve to the libraries' src/index.ts through tsconfig-paths.
// No type checking: that is `npm run typecheck`'s job.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const swc = require('@swc/core');
const { register } = require('tsconfig-paths');

const root = path.join(__dirname, '..');

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

const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: compilerOptions.paths });
