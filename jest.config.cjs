// Two tiers: `unit` (pure, no services) and `integration` (real Postgres, Redis, SMTP, HTTP).
const { root, moduleNameMapper, transform } = require('./jest.preset.cjs');

const common = { rootDir: root, moduleNameMapper, transform, testEnvironment: 'node' };

module.exports = {
  // A per-project testTimeout is ignored by Jest; the integration tests start real apps and services.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
};
