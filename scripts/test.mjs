#!/usr/bin/env node
// `npm test`: every check CI runs, in order, each with its time. Stops at the first failure.
// Integration tests need the local Postgres (127.0.0.1:5432) and Redis (127.0.0.1:6379); see README.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };

const steps = [
  ['project graph (for module boundaries)', bin('nx'), ['show', 'projects'], { quiet: true }],
  ['format', bin('prettier'), ['--check', '--log-level=warn', '.']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['unit tests', bin('jest'), ['--selectProjects', 'unit', ...process.argv.slice(2)]],
  ['integration tests', bin('jest'), ['--selectProjects', 'integration', '--maxWorkers=2', ...process.argv.slice(2)]],
];

const started = Date.now();
for (const [name, command, args, options = {}] of steps) {
  const stepStarted = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: options.quiet ? 'ignore' : 'inherit' });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
