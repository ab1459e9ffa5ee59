import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI (`typeorm -d dist/src/infra/database/data-source.js ...`).
 * Needs DATABASE_URL; `npm run -s cli -- db ...` also handles the embedded database.
 */
const config = loadConfig();
if (!config.database.url) throw new Error('DATABASE_URL must be set for the TypeORM CLI');
export default new DataSource(dataSourceOptions(config.database.url, 2));
