import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPOSITORY = path.resolve(__dirname, '../..');

/**
 * A copy of this working tree's files (those git tracks, and new ones it does not ignore) with
 * node_modules linked, for a test that writes into the repository. Its path is fixed per working
 * tree, so that jest's transform cache, keyed by path, is warm from the previous run.
 */
export function copyRepository(purpose: string): string {
  const hash = createHash('sha256').update(REPOSITORY).digest('hex').slice(0, 10);
  const copy = path.join(os.tmpdir(), `xh-${purpose}-${hash}`);
  fs.rmSync(copy, { recursive: true, force: true });
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPOSITORY, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && file !== 'node_modules' && fs.existsSync(path.join(REPOSITORY, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(REPOSITORY, file), path.join(copy, file));
  }
  fs.symlinkSync(fs.realpathSync(path.join(REPOSITORY, 'node_modules')), path.join(copy, 'node_modules'));
  return copy;
}

/** Every file under `dir` (node_modules left out), with a digest of its content. */
export function treeDigest(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(full);
      else found.set(path.relative(dir, full), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return found;
}
