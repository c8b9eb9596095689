// Static checks of docker-compose.yml, the Dockerfiles and .dockerignore: no Docker engine is needed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';

import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const CONFIG_SOURCE = join(ROOT, 'libs/config/src/config.ts');
const PROJECT_README = join(ROOT, 'README.md');
const DOCKERIGNORE = join(ROOT, '.dockerignore');

/** Read by the worker's health endpoint, outside the config module. */
const EXTRA_APP_VARIABLES = ['WORKER_HEALTH_PORT'];
const BASE_IMAGE = /^node:20-slim(@sha256:[0-9a-f]{64})?$/;

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapAt(parent: YamlMap, key: string): YamlMap {
  const value = parent[key];
  if (!isMap(value)) throw new Error(`expected a mapping at "${key}", got ${JSON.stringify(value)}`);
  return value;
}

function stringList(value: unknown, what: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) return value;
  throw new Error(`expected a string or a list of strings for ${what}, got ${JSON.stringify(value)}`);
}

function loadCompose(): YamlMap {
  // `merge`: compose honours `<<` merge keys, so the parser must too.
  const doc: unknown = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true });
  if (!isMap(doc)) throw new Error('docker-compose.yml is not a mapping');
  return doc;
}

function service(compose: YamlMap, name: string): YamlMap {
  return mapAt(mapAt(compose, 'services'), name);
}

/** A service's environment as name → value, from either the mapping or the `NAME=value` list form. */
function environment(svc: YamlMap): Map<string, string> {
  const env = svc['environment'];
  const result = new Map<string, string>();
  if (env === undefined) return result;
  if (Array.isArray(env)) {
    for (const entry of stringList(env, 'environment')) {
      const eq = entry.indexOf('=');
      result.set(eq < 0 ? entry : entry.slice(0, eq), eq < 0 ? '' : entry.slice(eq + 1));
    }
    return result;
  }
  if (!isMap(env)) throw new Error(`environment is neither a list nor a mapping: ${JSON.stringify(env)}`);
  for (const [name, value] of Object.entries(env)) result.set(name, value === null ? '' : String(value));
  return result;
}

/** The `command` of a service as one string, whichever form it is written in. */
function command(svc: YamlMap): string {
  return stringList(svc['command'], 'command').join(' ');
}

interface Build {
  context: string;
  dockerfile: string;
}

function build(svc: YamlMap): Build {
  const raw = svc['build'];
  if (typeof raw === 'string') return { context: resolve(dirname(COMPOSE_FILE), raw), dockerfile: 'Dockerfile' };
  if (!isMap(raw)) throw new Error(`service has no build section: ${JSON.stringify(raw)}`);
  const context = resolve(dirname(COMPOSE_FILE), typeof raw['context'] === 'string' ? raw['context'] : '.');
  const dockerfile = typeof raw['dockerfile'] === 'string' ? raw['dockerfile'] : 'Dockerfile';
  return { context, dockerfile };
}

/** Every variable name libs/config/src/config.ts reads, from its source text. */
function configVariables(): Set<string> {
  const source = readFileSync(CONFIG_SOURCE, 'utf8');
  const names = new Set<string>();
  const patterns = [/\benv\[\s*'([A-Z][A-Z0-9_]*)'\s*\]/g, /\bread[A-Z]\w*\(\s*env\s*,\s*'([A-Z][A-Z0-9_]*)'/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) names.add(match[1]);
  return names;
}

/** The backticked names in the first column of the README table whose header opens with `variable`. */
function readmeSettings(markdown: string): string[] {
  const lines = markdown.split('\n').map((line) => line.trim());
  const header = lines.findIndex((line) => /^\|\s*variable\s*\|/i.test(line));
  if (header < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const firstCell = line.split('|')[1] ?? '';
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.push(match[1]);
  }
  return names;
}

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (continuation lines joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = '';
  }
  if (pending !== '') logical.push(pending.trim());

  const stages: Stage[] = [];
  for (const line of logical) {
    const space = line.search(/\s/);
    const keyword = (space < 0 ? line : line.slice(0, space)).toUpperCase();
    const args = space < 0 ? '' : line.slice(space + 1).trim();
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const as = words.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({ from: words[0] ?? '', name: as >= 0 ? words[as + 1] : undefined, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`instruction before any FROM: ${line}`);
    stage.instructions.push({ keyword, args });
  }
  return stages;
}

function instructions(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).map(({ args }) => args);
}

/** Sources and destination of a COPY/ADD, in shell or JSON form; `from` is set for `--from=` copies. */
function copyParts(args: string): { from: string | undefined; sources: string[] } {
  const [, flagText = '', rest = ''] = /^((?:--\S+\s+)*)(.*)$/s.exec(args) ?? [];
  const flags = flagText.split(/\s+/).filter((flag) => flag !== '');
  const paths: unknown = rest.startsWith('[') ? JSON.parse(rest) : rest.split(/\s+/);
  if (!Array.isArray(paths) || !paths.every((path): path is string => typeof path === 'string') || paths.length < 2) {
    throw new Error(`cannot read COPY ${args}`);
  }
  const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1) };
}

/** Does a COPY source (relative to the context, possibly with `*` or `?` in its last segment) exist? */
function contextPathExists(context: string, source: string): boolean {
  const normalized = posix.normalize(source.replace(/^\.\//, '')).replace(/\/$/, '');
  if (!/[*?[]/.test(normalized)) return existsSync(join(context, normalized));
  const dir = join(context, posix.dirname(normalized));
  const pattern = new RegExp(
    `^${posix
      .basename(normalized)
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).some((entry) => pattern.test(entry));
}

const compose = loadCompose();
const appServices = ['api', 'worker'] as const;
const dockerfiles = {
  api: build(service(compose, 'api')),
  worker: build(service(compose, 'worker')),
};

describe('docker-compose.yml', () => {
  it('defines postgres, redis, mailpit, api and worker', () => {
    const names = Object.keys(mapAt(compose, 'services'));
    expect(names).toEqual(expect.arrayContaining(['postgres', 'redis', 'mailpit', 'api', 'worker']));
  });

  it.each(appServices)('builds %s from a Dockerfile that exists in the repository', (name) => {
    const { context, dockerfile } = dockerfiles[name];
    expect(context).toBe(ROOT);
    expect(existsSync(resolve(context, dockerfile))).toBe(true);
    expect(dockerfile).toBe(`docker/${name}.Dockerfile`);
  });

  it('finds the variables config.ts reads', () => {
    // If this extraction finds nothing, every check against it below would be vacuous.
    expect([...configVariables()]).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET', 'NODE_ENV']),
    );
  });

  it.each(appServices)('gives %s only variables the app reads', (name) => {
    const known = new Set([...configVariables(), ...EXTRA_APP_VARIABLES]);
    const unknown = [...environment(service(compose, name)).keys()].filter((variable) => !known.has(variable));
    expect(unknown).toEqual([]);
  });

  it.each(appServices)('points %s at the compose Postgres, Redis and Mailpit, with a required JWT_SECRET', (name) => {
    const env = environment(service(compose, name));
    const postgresEnv = environment(service(compose, 'postgres'));
    const database = new URL(env.get('DATABASE_URL') ?? 'missing:');
    expect(database.protocol).toMatch(/^postgres(ql)?:$/);
    expect(database.hostname).toBe('postgres');
    expect(decodeURIComponent(database.username)).toBe(postgresEnv.get('POSTGRES_USER'));
    expect(decodeURIComponent(database.password)).toBe(postgresEnv.get('POSTGRES_PASSWORD'));
    expect(database.pathname).toBe(`/${postgresEnv.get('POSTGRES_DB') ?? ''}`);

    const redis = new URL(env.get('REDIS_URL') ?? 'missing:');
    expect([redis.protocol, redis.hostname]).toEqual(['redis:', 'redis']);
    const smtp = new URL(env.get('SMTP_URL') ?? 'missing:');
    expect([smtp.protocol, smtp.hostname, smtp.port]).toEqual(['smtp:', 'mailpit', '1025']);

    // NODE_ENV=production (the image) makes JWT_SECRET mandatory: compose must refuse to start without one.
    expect(env.get('JWT_SECRET')).toMatch(/^\$\{JWT_SECRET:\?[^}]*\}$/);
    expect(env.get('PUBLIC_URL')).toBe('http://localhost:3000');
  });

  it('publishes the API on port 3000 and the worker health port only inside its container', () => {
    expect(stringList(service(compose, 'api')['ports'], 'api ports')).toContain('3000:3000');
    expect(environment(service(compose, 'worker')).get('WORKER_HEALTH_PORT')).toBe('3001');
  });

  it('publishes no host port for the worker, so it scales', () => {
    const worker = service(compose, 'worker');
    expect(worker['ports']).toBeUndefined();
    expect(worker['container_name']).toBeUndefined();
    expect(worker['network_mode']).not.toBe('host');
  });

  it.each(appServices)('starts %s only once Postgres and Redis are healthy', (name) => {
    const dependsOn = mapAt(service(compose, name), 'depends_on');
    for (const dependency of ['postgres', 'redis']) {
      expect(mapAt(dependsOn, dependency)['condition']).toBe('service_healthy');
      expect(mapAt(service(compose, dependency), 'healthcheck')['test']).toBeDefined();
    }
  });

  it('health-checks postgres with pg_isready and redis with redis-cli ping', () => {
    const test = (name: string) => stringList(mapAt(service(compose, name), 'healthcheck')['test'], 'test').join(' ');
    expect(test('postgres')).toMatch(/\bpg_isready\b/);
    expect(test('redis')).toMatch(/\bredis-cli\b.*\bping\b/);
  });

  it('runs redis with noeviction and an fsync every second, and keeps both stores on volumes', () => {
    const redisCommand = command(service(compose, 'redis'));
    expect(redisCommand).toMatch(/--maxmemory-policy\s+noeviction\b/);
    expect(redisCommand).toMatch(/--appendonly\s+yes\b/);
    expect(redisCommand).toMatch(/--appendfsync\s+everysec\b/);
    expect(service(compose, 'redis')['image']).toMatch(/^redis:7\b/);
    expect(service(compose, 'postgres')['image']).toMatch(/^postgres:16\b/);
    const volumes = Object.keys(mapAt(compose, 'volumes'));
    for (const [name, mountPoint] of [
      ['postgres', '/var/lib/postgresql/data'],
      ['redis', '/data'],
    ]) {
      const mounts = stringList(service(compose, name)['volumes'], `${name} volumes`);
      const mount = mounts.find((entry) => entry.split(':')[1] === mountPoint);
      expect(volumes).toContain(mount?.split(':')[0]);
    }
  });

  it('serves mailpit on 8025 (web) and 1025 (SMTP)', () => {
    expect(service(compose, 'mailpit')['image']).toMatch(/^axllent\/mailpit\b/);
    expect(stringList(service(compose, 'mailpit')['ports'], 'mailpit ports')).toEqual(
      expect.arrayContaining(['8025:8025', '1025:1025']),
    );
  });

  (existsSync(PROJECT_README) ? it : it.skip)(
    "names in README.md's settings table only variables config.ts reads",
    () => {
      const documented = readmeSettings(readFileSync(PROJECT_README, 'utf8'));
      expect(documented.length).toBeGreaterThan(0);
      const known = configVariables();
      expect(documented.filter((variable) => !known.has(variable))).toEqual([]);
    },
  );
});

describe.each(appServices)('docker/%s.Dockerfile', (name) => {
  const { context, dockerfile } = dockerfiles[name];
  const stages = parseDockerfile(readFileSync(resolve(context, dockerfile), 'utf8'));
  const runtime = stages[stages.length - 1];

  it('is multi-stage on node:20-slim: npm ci and npm run build, then a production install', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(BASE_IMAGE);
    const builder = stages.find((stage) => instructions(stage, 'RUN').some((run) => /\bnpm run build\b/.test(run)));
    expect(builder).toBeDefined();
    expect(builder).not.toBe(runtime);
    expect(instructions(builder ?? runtime, 'RUN').some((run) => /\bnpm ci\b/.test(run))).toBe(true);
  });

  it('installs only production dependencies in the runtime stage', () => {
    const installs = instructions(runtime, 'RUN').filter((run) => /\bnpm (ci|install|i)\b/.test(run));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toMatch(/--omit=dev\b/);
    expect(instructions(runtime, 'RUN').some((run) => /\bnpm run build\b/.test(run))).toBe(false);
  });

  it('copies the compiled output from the build stage', () => {
    const copies = instructions(runtime, 'COPY').map(copyParts);
    const earlier = new Set(stages.slice(0, -1).map((stage) => stage.name));
    const fromBuild = copies.filter(({ from }) => from !== undefined && earlier.has(from));
    expect(fromBuild.flatMap(({ sources }) => sources)).toContain('/app/dist');
  });

  it('runs as a user other than root, under NODE_ENV=production', () => {
    const user = instructions(runtime, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(user?.split(':')[0]).not.toMatch(/^(root|0)$/);
    expect(user).toBe('node');
    expect(instructions(runtime, 'ENV')).toContainEqual(expect.stringMatching(/^NODE_ENV[= ]production$/));
  });

  it('has a HEALTHCHECK against the /health endpoint', () => {
    const healthcheck = instructions(runtime, 'HEALTHCHECK').at(-1) ?? '';
    expect(healthcheck).toMatch(/\bCMD\b/);
    expect(healthcheck).toMatch(/\/health['"]/);
    expect(healthcheck).toContain(name === 'api' ? 'process.env.PORT||3000' : 'process.env.WORKER_HEALTH_PORT||3001');
  });

  it('starts the compiled entry point with the dist path aliases', () => {
    const cmd: unknown = JSON.parse(instructions(runtime, 'CMD').at(-1) ?? 'null');
    expect(cmd).toEqual(['node', '-r', './scripts/register-dist-paths.cjs', `dist/apps/${name}/src/main.js`]);
    const exposed = instructions(runtime, 'EXPOSE').flatMap((args) => args.split(/\s+/));
    if (name === 'api') expect(exposed).toContain('3000');
  });

  it('copies from the build context only files that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(DOCKERIGNORE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const fromContext = stages
      .flatMap((stage) => instructions(stage, 'COPY').concat(instructions(stage, 'ADD')))
      .map(copyParts)
      .filter(({ from }) => from === undefined)
      .flatMap(({ sources }) => sources);
    expect(fromContext.length).toBeGreaterThan(0);
    expect(fromContext.filter((source) => !contextPathExists(context, source))).toEqual([]);
    const topLevel = (source: string) => posix.normalize(source.replace(/^\.\//, '')).split('/')[0];
    expect(fromContext.filter((source) => ignored.includes(topLevel(source)))).toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, build output, local data, git and coverage out of the build context', () => {
    const entries = readFileSync(DOCKERIGNORE, 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/\/$/, ''));
    expect(entries).toEqual(expect.arrayContaining(['node_modules', 'dist', '.data', '.git', 'coverage']));
  });
});
