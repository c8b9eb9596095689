#!/usr/bin/env node
// `node scripts/run-ts.mjs <file.ts> [args...]`: runs a TypeScript script from the sources, no build step, through
// the same on-the-fly transpilation as the benchmarks (scripts/register-ts.cjs). The file exports
// `main(args: string[]): Promise<void>`; a rejection prints its message and exits 1.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const [file, ...args] = process.argv.slice(2);
if (!file || !file.endsWith('.ts') || !existsSync(file)) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}

require('./register-ts.cjs');
const script = require(resolve(file));
if (typeof script.main !== 'function') {
  console.error(`${file} does not export main(args)`);
  process.exit(2);
}
try {
  await script.main(args);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
