import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SCREEN_MANIFEST, screenAssetsDir, screenSourceDir, type ScreenManifest } from './screen-assets';
import { bundleFonts, outlinesPlugin } from './screen-extras';

/**
 * Bundles the big-screen page (src/screen/, with ECharts and the graphql-ws client) into
 * `dist/screen/`, which the hub serves itself: lobby displays sit on closed government
 * networks, so the page may load nothing from a CDN.
 */
export async function buildScreen(outdir = screenAssetsDir()): Promise<ScreenManifest> {
  // Built aside and swapped in whole: a hub serving the old bundle never sees half of the new one.
  const staging = `${outdir}.building-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const result = await build({
    // The review page shares the screen's code (its map) and is served beside it.
    entryPoints: { screen: path.join(screenSourceDir(), 'main.ts'), review: path.join(screenSourceDir(), 'review', 'main.ts') },
    outdir: staging,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    entryNames: '[name]-[hash]',
    metafile: true,
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [outlinesPlugin()],
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entryOf = (name: string) => {
    const entry = outputs.find(([, output]) => output.entryPoint !== undefined && path.resolve(output.entryPoint) === path.resolve(name));
    if (!entry?.[1].cssBundle) throw new Error(`the bundle of ${path.relative(screenSourceDir(), name)} has no script or no stylesheet`);
    return { script: path.basename(entry[0]), stylesheet: path.basename(entry[1].cssBundle) };
  };
  const manifest: ScreenManifest = { ...entryOf(path.join(screenSourceDir(), 'main.ts')), review: entryOf(path.join(screenSourceDir(), 'review', 'main.ts')), fonts: bundleFonts(staging) };
  fs.writeFileSync(path.join(staging, SCREEN_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  // Stored gzipped too (ECharts is most of ~1 MB), so the hub need not compress per request.
  for (const name of [manifest.script, manifest.stylesheet, manifest.review!.script, manifest.review!.stylesheet, manifest.fonts]) {
    const file = path.join(staging, name);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.renameSync(staging, outdir);
  return manifest;
}

/** True when there is no bundle, or a source of the page (or this builder) is newer than it. */
export function screenBundleIsStale(outdir = screenAssetsDir()): boolean {
  const manifest = path.join(outdir, SCREEN_MANIFEST);
  if (!fs.existsSync(manifest)) return true;
  const built = fs.statSync(manifest).mtimeMs;
  const sources = [...filesUnder(screenSourceDir()), ...['build-screen.ts', 'screen-extras.ts'].map((file) => path.join(screenSourceDir(), '..', 'server', 'screen', file))];
  return sources.some((file) => fs.existsSync(file) && fs.statSync(file).mtimeMs > built);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

if (require.main === module) {
  // `--if-stale`: the test run's global setup, which should not rebuild what is current.
  const onlyIfStale = process.argv.includes('--if-stale');
  (onlyIfStale && !screenBundleIsStale() ? Promise.resolve() : buildScreen()).catch((error: unknown) => {
    process.stderr.write(`the screen bundle could not be built: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
