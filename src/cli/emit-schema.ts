import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../core/graphql/print-hub-schema';
import { departments } from '../departments';
import { schemaOf } from '../schema-of';
import { runCli } from './cli-errors';
import { parseCommandLine } from './command-line';

export const SCHEMA_FILE = path.resolve(__dirname, '../../../schema/schema.graphql');

/** `npm run schema`: writes schema/schema.graphql from the code. */
const USAGE = `usage:
  npm run schema   writes schema/schema.graphql from the code`;

runCli('schema', async () => {
  parseCommandLine(USAGE, {});
  fs.writeFileSync(SCHEMA_FILE, printHubSchema(await schemaOf(departments)));
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
});
