import path from 'node:path';
import { projectRoot } from '../project-root';

/** Where `npm run build` writes the IDE bundle (the same whether run from src/ or dist/). */
export function ideAssetsDir(): string {
  return path.join(projectRoot(), 'dist', 'ide');
}
