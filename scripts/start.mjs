#!/usr/bin/env node
// The front door: `npm start` (API and worker in one process), `npm run start:api`, `npm run start:worker`,
// `npm run schema:emit`. Compiles to dist/ first when TypeScript is installed (incremental: quick when nothing changed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const mode = process.argv[2] ?? 'all';
if (!['all', 'api', 'worker', 'emit-schema'].includes(mode)) {
  console.error(`usage: start.mjs all|api|worker|emit-schema (got ${mode})`);
  process.exit(2);
}

function build() {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc');
  } catch {
    if (existsSync(join(root, 'dist/apps/api/src/main.js'))) return; // production image: compiled at build time
    console.error('dist/ is missing and TypeScript is not installed: run npm install first');
    process.exit(1);
  }
  const started = Date.now();
  process.stdout.write('docket: compiling TypeScript to dist/ (the first time takes a little while)… ');
  const result = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

build();
require('./register-dist-paths.cjs');
const dist = (path) => require(join(root, 'dist', path));

if (mode === 'emit-schema') {
  await dist('apps/api/src/emit-schema.js').emitSchema(join(root, 'apps/api/schema.gql'));
  process.exit(0);
}

const core = dist('libs/core/src/index.js');
const config = await core.resolveRuntimeConfig();
const apps = [];
if (mode !== 'worker') apps.push(await dist('apps/api/src/main.js').bootstrapApi(config));
if (mode !== 'api') {
  const healthPort = mode === 'worker' ? config.workerHealthPort : undefined;
  apps.push(await dist('apps/worker/src/main.js').bootstrapWorker(config, { healthPort }));
}
if (mode === 'all' && config.embedded) console.log(`docket: embedded Postgres (PGlite) in ${config.dataDir}`);
if (mode !== 'worker') {
  const seeded = await dist('apps/api/src/demo/load-demo.js').loadDemoIfWanted(apps[0]);
  if (seeded) {
    console.log('docket: demo team KOR loaded; sign in with any of these (password: docket-demo):');
    for (const login of seeded.logins) console.log(`  ${login.role.padEnd(11)} ${login.email}`);
  }
  console.log(`docket: GraphQL API at ${config.publicUrl}/graphql`);
}

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`docket: ${signal}: finishing work in flight, then stopping`);
  const timer = setTimeout(() => process.exit(1), 30_000).unref();
  for (const app of apps.reverse()) await app.close();
  await core.stopEmbeddedDatabase();
  clearTimeout(timer);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
