'use strict';
/**
 * Before `npm start` and the command-line tools: builds when a source is newer than the last
 * build (dist/.build-stamp), else does nothing, so that a start takes no build when nothing
 * changed. In a production install (`npm prune --omit=dev`: no TypeScript, no esbuild) it runs
 * what dist/ holds, and stops with one line when there is no build at all.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
/** What the build reads (the screen's sources are under src/ too). */
const INPUTS = ['src', 'migrations', 'seeds', 'bench', 'soak', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.js'];

function newestUnder(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(file).reduce((newest, name) => Math.max(newest, newestUnder(path.join(file, name))), stat.mtimeMs);
}

function buildToolsInstalled() {
  try {
    require.resolve('typescript/bin/tsc', { paths: [ROOT] });
    require.resolve('esbuild', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

const built = fs.existsSync(STAMP) ? fs.statSync(STAMP).mtimeMs : 0;
const stale = INPUTS.some((input) => newestUnder(path.join(ROOT, input)) > built);
if (!stale) process.exit(0);
if (buildToolsInstalled()) {
  process.stderr.write(built ? 'sources changed since the last build: building\n' : 'building (first start)\n');
  require('./build.js').build();
} else if (fs.existsSync(path.join(ROOT, 'dist', 'src', 'main.js'))) {
  process.stderr.write('the build tools are not installed (a production install): running dist/ as it was built\n');
} else {
  process.stderr.write('there is no build in dist/ and no build tools to make one: run `npm ci && npm run build` first (docs/operations.md)\n');
  process.exit(1);
}
