/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { lazy } from '../support/lazy';

const actions = lazy(
  () => require('../actions/seed-demo.actions') as typeof import('../actions/seed-demo.actions'),
);

export function register(program: Command): void {
  program
    .command('seed-demo')
    .description(
      'build a demo city (government, 5 departments, 2 districts), users for every role and 200 cases; prints the logins',
    )
    .action(() => actions().seedDemo());
}
