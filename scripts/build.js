'use strict';
/**
 * `npm run build`: compiles the server into dist/ (tsc), bundles the GraphiQL IDE and the big
 * screen (esbuild), then stamps dist/ with the time the build started, so that
 * scripts/build-if-stale.js can tell whether a source changed since. Needs the devDependencies.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STAMP = path.join(ROOT, 'dist', '.build-stamp');

/** Runs one step; what it prints goes to stderr, so that a command's own stdout (a new key) stays clean. */
function step(what, args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: [0, 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(`build: ${what} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function build() {
  const started = new Date();
  step('tsc', [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', 'tsconfig.build.json']);
  step('the IDE bundle', ['dist/src/server/ide/build-ide.js']);
  step('the screen bundle', ['dist/src/server/screen/build-screen.js']);
  // A file saved while the build ran is newer than the stamp: the next start builds again.
  fs.writeFileSync(STAMP, `${started.toISOString()}\n`);
  fs.utimesSync(STAMP, started, started);
}

module.exports = { build, STAMP };

if (require.main === module) build();
