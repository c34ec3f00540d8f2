'use strict';
/**
 * `npm run new:department -- --name <name> --title <中文名>`: writes a working department (entity,
 * migration, seed, query, Hub field, feed and metric, simulator, a test on both drivers), adds it
 * to src/departments/index.ts and writes schema/schema.graphql again. A development tool: it needs
 * the devDependencies (TypeScript), and writes nothing when it refuses.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { namesOf, refusalOfName, refusalOfTitle } = require('./department-scaffold/names');
const { registered } = require('./department-scaffold/registry');
const { renderTemplate } = require('./department-scaffold/render');
const { writeSchemaFile } = require('./department-scaffold/schema-file');

const ROOT = path.resolve(__dirname, '..');
const REGISTRY = path.join(ROOT, 'src/departments/index.ts');
const USAGE = `usage:
  npm run new:department -- --name <name> --title <中文名>
    --name   a lowercase identifier, also its data source (<NAME>_DB_URL), e.g. housing
    --title  the department's name as people know it, e.g. 住保局
  writes src/departments/<name>/, migrations/<name>/, test/departments/<name>/, adds the
  department to src/departments/index.ts and writes schema/schema.graphql again`;

function refuse(message) {
  process.stderr.write(`new:department: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function commandLine() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  try {
    const { values } = parseArgs({ args, options: { name: { type: 'string' }, title: { type: 'string' } }, strict: true });
    return values;
  } catch (error) {
    return refuse(String(error.message).split('\n')[0]);
  }
}

async function main() {
  const { name, title } = commandLine();
  if (name === undefined || title === undefined) refuse(`--${name === undefined ? 'name' : 'title'} is missing`);
  const refusal = refusalOfName(ROOT, name) ?? refusalOfTitle(title);
  if (refusal) refuse(refusal);

  // Everything is made before anything is written: a refusal or a template error leaves no trace.
  const files = renderTemplate(namesOf(name, title, Date.now()));
  let registry;
  try {
    registry = registered(fs.readFileSync(REGISTRY, 'utf8'), name);
  } catch (error) {
    process.stderr.write(`new:department: ${error.message}\n`);
    process.exit(1);
  }
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, file), content, { flag: 'wx' });
    process.stdout.write(`wrote ${file}\n`);
  }
  fs.writeFileSync(REGISTRY, registry);
  process.stdout.write(`added ${name}Department to src/departments/index.ts\n`);
  try {
    await writeSchemaFile(ROOT);
    process.stdout.write('wrote schema/schema.graphql\n');
  } catch (error) {
    process.stderr.write(`new:department: the department is written, but the schema could not be: ${error.stack}\nfix it, then run \`npm run schema\`\n`);
    process.exit(1);
  }
  process.stdout.write(
    `\n${title} (${name}) is ready. Next:\n` +
      `  npx jest test/departments/${name}     its test, on SQLite and on MySQL when one answers\n` +
      `  replace the placeholder records with the department's own rows: docs/adding-a-department.md\n`,
  );
}

main();
