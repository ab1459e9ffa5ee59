// Entry point for a worker-only process: the same as `main.js --role worker`.
process.argv.push('--role', 'worker');
void import('./main.js');
