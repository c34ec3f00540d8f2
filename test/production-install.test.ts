import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { postGraphQL } from './helpers/graphql-request';

const REPO = path.resolve(__dirname, '..');
const run = promisify(execFile);

/**
 * docs/operations.md's production install, from a clean clone of what is committed:
 * `npm ci && npm run build && npm prune --omit=dev`, then `npm start` with no devDependencies.
 * Instead of `npm ci` (which compiles better-sqlite3 for about two minutes) the clone gets a copy
 * of this checkout's node_modules, installed from the same package-lock.json; prune then
 * removes the devDependencies from it as it would from a fresh install.
 */
describe('a production install from a clean clone', () => {
  let dir: string;
  let clone: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-install-'));
    clone = path.join(dir, 'xingfu-hub');
    fs.mkdirSync(path.join(dir, 'data'));
    // A clean environment: no NODE_ENV=test, no npm_config_* of the test run.
    env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, DATA_DIR: path.join(dir, 'data'), HOST: '127.0.0.1', PORT: '0', SIMULATOR: 'off' };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const npm = (...args: string[]) => run('npm', args, { cwd: clone, env, maxBuffer: 16 << 20 });

  it('builds, drops the devDependencies, and npm start serves GraphQL, the IDE and the screen from the build', async () => {
    await run('git', ['clone', '--quiet', REPO, clone]);
    await run('cp', ['-a', path.join(REPO, 'node_modules'), path.join(clone, 'node_modules')]);
    await npm('run', '-s', 'build');
    await npm('prune', '--omit=dev', '--no-audit', '--no-fund');
    for (const devDependency of ['typescript', 'esbuild', 'jest', 'ts-jest', 'graphiql', 'echarts']) {
      expect({ devDependency, installed: fs.existsSync(path.join(clone, 'node_modules', devDependency)) }).toEqual({ devDependency, installed: false });
    }

    // The command-line tools run the build as it is: no build step, no TypeScript.
    const listed = await npm('run', '-s', 'keys', '--', 'list');
    expect(listed.stderr).toBe('no API keys yet: npm run -s keys -- create --role SCREEN --name "…"\n');
    // A source newer than the build cannot be built here: the tools say so and run what was built.
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(clone, 'src', 'main.ts'), later, later);
    const stale = await npm('run', '-s', 'migrate');
    expect(stale.stderr).toBe('the build tools are not installed (a production install): running dist/ as it was built\n');
    expect(stale.stdout).toMatch(/^hub\s+up to date/);

    const hub = spawn('npm', ['start'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    hub.stdout!.on('data', (d) => (out += d));
    hub.stderr!.on('data', (d) => (err += d));
    const exited = new Promise<void>((resolve) => hub.once('exit', () => resolve()));
    let origin = '';
    try {
      const started = Date.now();
      while (!/GraphQL\s+http:\/\/\S+/.test(out)) {
        if (hub.exitCode !== null || Date.now() - started > 60_000) throw new Error(`npm start did not serve: ${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const url = /GraphQL\s+(http:\/\/\S+)/.exec(out)![1];
      origin = url.replace('/graphql', '');
      expect((await postGraphQL(url, '{ __typename hubs(first: 1) { totalCount } }')).data).toEqual({ __typename: 'Query', hubs: { totalCount: 58 } });
      expect(await (await fetch(`${origin}/healthz`)).json()).toEqual({ status: 'ok' });
      // The bundles made by the build (esbuild is gone now) are served.
      const ide = await fetch(url, { headers: { accept: 'text/html' } });
      expect(ide.status).toBe(200);
      expect((await fetch(`${origin}/screen`)).status).toBe(200);
      expect(err).not.toMatch(/Cannot find module|building/);
    } finally {
      // Ctrl-C at a terminal: the signal goes to npm and to the hub it started.
      // (Unless it has exited already: then the error above is what to see.)
      if (hub.exitCode === null) {
        process.kill(-hub.pid!, 'SIGINT');
        await exited;
      }
      // npm is gone; the hub finishes its stop on its own.
      for (let i = 0; i < 100 && origin && (await fetch(`${origin}/healthz`).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    }
    expect(err).toMatch(/"msg":"SIGINT: stopping/);
  }, 300_000);
});
