// Entry point for the TypeORM CLI (`nx run data:migration-generate`, `nx run data:migration-run`).
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { createDataSourceOptions } from './data-source-options';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL must name the Postgres database to diff against');

export default new DataSource(createDataSourceOptions(url));
