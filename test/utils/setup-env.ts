// Runs in every jest worker before the test file. Dates in tests must not depend on the host.
process.env.TZ = process.env.TEST_TZ ?? 'UTC';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.NODE_ENV = 'test';
