import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'docket-config-'));

describe('loadConfig', () => {
  it('defaults to the embedded database and Postgres queues', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, redisUrl: undefined, logLevel: 'info' });
    expect(config.mailFrom).toBe('Docket <docket@localhost>');
    expect(config.webhookAllowPrivateNetworks).toBe(false);
    expect(config.demo).toBeUndefined();
  });

  it('generates a JWT secret once per data dir outside production', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first).toHaveLength(64);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
  });

  it('requires JWT_SECRET in production and turns introspection off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(ConfigError);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(config.graphqlIntrospection).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), GRAPHQL_INTROSPECTION: 'true' })
        .graphqlIntrospection,
    ).toBe(true);
  });

  it('takes ADMIN_USER and ADMIN_PASSWORD as a pair, naming the one missing', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).adminCredentials).toBeUndefined();
    expect(() => loadConfig({ DATA_DIR: dataDir(), ADMIN_USER: 'ops' })).toThrow(
      expect.objectContaining({ name: 'ConfigError', variable: 'ADMIN_PASSWORD' }),
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), ADMIN_PASSWORD: 'long enough secret' })).toThrow(
      expect.objectContaining({ name: 'ConfigError', variable: 'ADMIN_USER' }),
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), ADMIN_USER: 'ops', ADMIN_PASSWORD: 'short' })).toThrow(
      expect.objectContaining({ variable: 'ADMIN_PASSWORD', message: expect.stringContaining('12 characters') }),
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), ADMIN_USER: 'o:ps', ADMIN_PASSWORD: 'long enough secret' })).toThrow(
      expect.objectContaining({ variable: 'ADMIN_USER' }),
    );
    expect(
      loadConfig({ DATA_DIR: dataDir(), ADMIN_USER: 'ops', ADMIN_PASSWORD: 'long enough secret' }).adminCredentials,
    ).toEqual({ user: 'ops', password: 'long enough secret' });
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'not a url'],
    ['SMTP_URL', 'http://mail'],
    ['PORT', '70000'],
    ['DOCKET_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
  ])('fails fast naming %s when it is malformed', (variable, value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), [variable]: value })).toThrow(
      expect.objectContaining({ variable, message: expect.stringContaining(variable) }),
    );
  });
});
