import fs from 'node:fs';
import path from 'node:path';

/** The project's root: the nearest directory above this file with a package.json and node_modules. */
export function projectRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'node_modules'))) return dir;
  }
  throw new Error(`no project root above ${__dirname}`);
}
