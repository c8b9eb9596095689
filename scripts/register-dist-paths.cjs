// Resolves the @docket/* aliases to the compiled libraries in dist/ (node -r ./scripts/register-dist-paths.cjs).
const path = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

const root = path.join(__dirname, '..');
const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    alias,
    [path.join('dist', target.replace(/\.ts$/, '.js'))],
  ]),
);
register({ baseUrl: root, paths });
