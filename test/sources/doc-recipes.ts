import fs from 'node:fs';
import path from 'node:path';

const SOURCES_DOC = path.resolve(__dirname, '../../docs/sources.md');

/**
 * The SQL statements of the ```sql block in docs/sources.md whose first line is `-- <label>`
 * (e.g. `views: iot`): the tests run the recipes exactly as the page gives them.
 */
export function recipe(label: string): string[] {
  const doc = fs.readFileSync(SOURCES_DOC, 'utf8');
  const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const block = blocks.find((b) => b.split('\n')[0].trim() === `-- ${label}`);
  if (!block) throw new Error(`docs/sources.md has no sql block "-- ${label}"`);
  return block
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}
