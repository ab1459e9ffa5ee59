// Runs in every jest worker before the test file. The time zone itself is fixed on the jest
// command line (TZ=UTC in package.json): jest gives each file a copy of process.env, so
// changing TZ here would not reach the process.
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.NODE_ENV = 'test';
