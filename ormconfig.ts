import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config';
import { dataSourceOptions } from './src/core/data-sources/data-source-options';
import { departments } from './src/departments';
import { sourceDefinitions } from './src/hub-source';

/**
 * The data sources for the TypeORM CLI, from the same configuration the hub uses. The CLI takes
 * one source at a time: `SOURCE=civil npx typeorm migration:show -d dist/ormconfig.js`.
 * (MariaDB servers given as mysql:// are handled as MySQL here; the hub itself detects them.)
 */
const config = loadConfig(process.env, departments.map((d) => d.name));

export const dataSources: Record<string, DataSource> = Object.fromEntries(
  sourceDefinitions(departments, config.sources).map((definition) => [
    definition.name,
    new DataSource(dataSourceOptions(config.sources[definition.name], definition)),
  ]),
);

const chosen = process.env.SOURCE ?? 'hub';
if (!dataSources[chosen]) throw new Error(`SOURCE: "${chosen}" is not one of ${Object.keys(dataSources).join(', ')}`);
export default dataSources[chosen];
