import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { departments } from '../../src/departments';
import { createTestDatabases, type TestDatabases } from '../helpers/test-databases';
import { withSource } from '../../src/core/departments/department-module';

/** The registered departments, as the seed names them. */
const ALL = withSource(departments).map((d) => d.name).join(', ');

const CLI = path.resolve(__dirname, '../../dist/src/cli');
const COMMANDS: [name: string, file: string][] = [
  ['keys', 'keys.js'],
  ['seed', 'seed.js'],
  ['migrate', 'migrate.js'],
  ['simulate', 'simulate.js'],
  ['schema', 'emit-schema.js'],
];

describe('the command-line tools', () => {
  let databases: TestDatabases;
  beforeEach(async () => {
    databases = await createTestDatabases('sqlite', ['hub', 'civil', 'iot', 'health']);
  });
  afterEach(() => databases.drop());

  /** Runs a built command (as `npm run <name> -- …` does) over an empty DATA_DIR. */
  const run = async (file: string, ...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(CLI, file), ...args], { env: { PATH: process.env.PATH ?? '', ...databases.env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it.each(COMMANDS)('%s --help prints the usage on stdout, exits 0 and does nothing else', async (_name, file) => {
    const schemaFile = path.resolve(__dirname, '../../schema/schema.graphql');
    const schemaWritten = fs.statSync(schemaFile).mtimeMs;
    for (const flag of ['--help', '-h']) {
      const result = await run(file, flag);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^usage:\n {2}npm run /);
    }
    // Nothing was opened, seeded or written.
    expect(fs.readdirSync(databases.dataDir)).toEqual([]);
    expect(fs.statSync(schemaFile).mtimeMs).toBe(schemaWritten);
  });

  it.each(COMMANDS)('%s with an option it does not know prints what was wrong and the usage, exits 2, no stack trace', async (name, file) => {
    const result = await run(file, '--sclae', 'city');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${name}: unknown option --sclae\\nusage:\\n`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(fs.readdirSync(databases.dataDir)).toEqual([]);
  });

  it.each([
    [['create', '--rol', 'SCREEN', '--name', 'x'], 'keys: unknown option --rol'],
    [['create', '--role'], 'keys: option --role needs a value'],
    [['create', '--name', '大屏'], 'keys: create needs --role'],
    [[], 'keys: no command'],
    [['revoke'], 'keys: revoke needs the id of one key'],
    [['list', 'all'], 'keys: unexpected argument "all"'],
  ])('keys %j is a mistake on the command line: exit 2 and the usage', async (args, line) => {
    const result = await run('keys.js', ...args);
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\nusage:\\n {2}npm run -s keys -- create`));
  });

  it('seed says what it seeded, and that it skipped sources that already had rows', async () => {
    const first = await run('seed.js');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(new RegExp(`^seeding the demo district\n(.*\n)*seeded ${ALL} in \\d+\\.\\d s\n$`));
    const again = await run('seed.js');
    expect(again).toMatchObject({ code: 0, stdout: '', stderr: `seeding the demo district\nnothing seeded: ${ALL} already had rows: skipped\n` });
    expect((await run('seed.js', '--scale', 'town')).stderr).toMatch(/^seed: --scale: "town" is not demo or city\nusage:/);
  });
});
