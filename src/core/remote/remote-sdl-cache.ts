import fs from 'node:fs';
import path from 'node:path';

/**
 * The last SDL each remote department served, in DATA_DIR/remote/<name>.graphql: a hub started
 * while a remote is down still serves its fields (answering DEPARTMENT_UNAVAILABLE until it is back).
 */
export class RemoteSdlCache {
  private readonly folder: string;

  constructor(dataDir: string) {
    this.folder = path.join(dataDir, 'remote');
  }

  read(name: string): string | undefined {
    try {
      return fs.readFileSync(this.fileOf(name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Written to a temporary file and renamed, so that a crash leaves the old SDL or the new one, never half of one. */
  write(name: string, sdl: string): void {
    fs.mkdirSync(this.folder, { recursive: true });
    const file = this.fileOf(name);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, sdl);
    fs.renameSync(temporary, file);
  }

  private fileOf(name: string): string {
    return path.join(this.folder, `${name}.graphql`);
  }
}
