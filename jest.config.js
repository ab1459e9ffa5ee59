/**
 * Three layers (README "Tests"):
 *  - unit:        pure code, no services (test/unit)
 *  - integration: real PostgreSQL + Redis, one cloned database and Redis prefix per file
 *  - e2e:         supertest against the booted app
 *  - browser:     Debian's chromium (playwright-core) against the booted app's pages
 * Type checking is done once by `npm run typecheck`; ts-jest only transpiles.
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
};
const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform,
  setupFiles: ['<rootDir>/test/utils/setup-env.ts'],
};
const services = {
  globalSetup: '<rootDir>/test/utils/global-setup.ts',
  globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
};

module.exports = {
  // A guard against hangs, not a speed test: a loaded 2-core CI machine has taken over 30 s for
  // a suite's set-up (booting the app and seeding a scenario) while the browser suites ran.
  testTimeout: 90000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...common,
      ...services,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
    },
    {
      ...common,
      ...services,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // The fault tests (own PostgreSQL, Redis and SMTP; `npm run test:faults` alone) run with the
      // rest unless RUN_FAULTS=0.
      testPathIgnorePatterns: process.env.RUN_FAULTS === '0' ? ['-faults\\.e2e-spec\\.ts$'] : [],
    },
    {
      ...common,
      ...services,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
    {
      // `npm run screenshots` only (test:all names its projects): refreshes docs/screenshots.
      ...common,
      ...services,
      displayName: 'screenshots',
      testMatch: ['<rootDir>/test/screenshots/**/*.shots.ts'],
    },
  ],
};
