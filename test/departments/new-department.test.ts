import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { copyRepository, treeDigest } from '../helpers/repository-copy';

/** `npm run new:department` as a developer runs it, in a copy of the repository. */
function newDepartment(copy: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/new-department.js', ...args], { cwd: copy, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run new:department', () => {
  let copy: string;
  beforeAll(() => {
    copy = copyRepository('new-department');
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it.each([
    [['--name', 'Parks', '--title', '园林局'], '"Parks" is not a lowercase identifier'],
    [['--name', 'park-ing', '--title', '园林局'], '"park-ing" is not a lowercase identifier'],
    [['--name', '1parks', '--title', '园林局'], '"1parks" is not a lowercase identifier'],
    [['--name', 'hub', '--title', '园林局'], '"hub" is reserved'],
    [['--name', 'civil', '--title', '民政局'], 'a department "civil" exists already'],
    [['--name', 'parks', '--title', "园林'局"], 'title "园林\'局" must be'],
    [['--name', 'parks'], '--title is missing'],
    [['--name', 'parks', '--title', '园林局', '--force'], "Unknown option '--force'"],
  ])('refuses %j saying %s, exit 2, writing nothing', (args, message) => {
    const before = treeDigest(copy);
    const run = newDepartment(copy, ...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage:');
    expect(treeDigest(copy)).toEqual(before);
  });

  it('writes a department that passes its own test on every driver, and the schema test with it', () => {
    const made = newDepartment(copy, '--name', 'parks', '--title', '园林局');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('wrote test/departments/parks/parks.test.ts');
    expect(made.stdout).toContain('wrote schema/schema.graphql');
    expect(fs.readFileSync(path.join(copy, 'src/departments/index.ts'), 'utf8')).toMatch(/import \{ parksDepartment \} from '\.\/parks';[\s\S]*, parksDepartment\];/);
    const schema = fs.readFileSync(path.join(copy, 'schema/schema.graphql'), 'utf8');
    expect(schema).toContain('parksRecords(');
    expect(schema).toContain('parksRecordsToday: Int!');

    // A second time the name exists.
    const again = newDepartment(copy, '--name', 'parks', '--title', '园林局');
    expect([again.status, again.stderr]).toEqual([2, expect.stringContaining('a department "parks" exists already')]);

    // Its suite as `npx jest test/departments/parks` runs it, on the databases this run found
    // (XH_TEST_MYSQL_URL passes on); the global setup's build is what the process tests need, not these.
    fs.writeFileSync(path.join(copy, 'jest.scaffold.config.js'), "module.exports = { ...require('./jest.config.js'), globalSetup: undefined };\n");
    const jest = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--config', 'jest.scaffold.config.js', '--ci', 'test/departments/parks', 'test/schema-file.test.ts'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const drivers = process.env.XH_TEST_MYSQL_URL ? 2 : 1;
    expect(jest.stderr).toMatch(new RegExp(`Tests:\\s+${5 * drivers + 1} passed, ${5 * drivers + 1} total`));
    expect(jest.status).toBe(0);
  }, 300_000);
});
