import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../src/core/graphql/print-hub-schema';
import { departments } from '../src/departments';
import { schemaOf } from '../src/schema-of';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema` after changing the API)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../schema/schema.graphql'), 'utf8');
    expect(printHubSchema(await schemaOf(departments))).toBe(committed);
  });
});
