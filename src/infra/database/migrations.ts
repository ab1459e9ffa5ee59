import { MIGRATIONS as ALL } from '../../../migrations';

/** Every migration, in order, listed as classes (never globs). */
export const MIGRATIONS: Array<new () => unknown> = ALL;
