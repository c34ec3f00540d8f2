import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../project-root';

/** Where `npm run build` writes the screen bundle (the same whether run from src/ or dist/). */
export function screenAssetsDir(): string {
  return path.join(projectRoot(), 'dist', 'screen');
}

/** The page's sources: browser code, bundled by esbuild rather than compiled by tsc. */
export function screenSourceDir(): string {
  return path.join(projectRoot(), 'src', 'screen');
}

/** The bundle's file names: content-hashed, so that a display never runs a stale script after an upgrade. */
export interface ScreenManifest {
  script: string;
  stylesheet: string;
  /** The review page's bundle (/review), built with the screen's. */
  review?: { script: string; stylesheet: string };
  /** The bundled Chinese font's stylesheet (its woff2 slices sit beside it). */
  fonts: string;
}

export const SCREEN_MANIFEST = 'manifest.json';

export function readScreenManifest(dir = screenAssetsDir()): ScreenManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, SCREEN_MANIFEST), 'utf8')) as ScreenManifest;
  } catch {
    return null;
  }
}
