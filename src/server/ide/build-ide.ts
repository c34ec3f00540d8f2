import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { projectRoot } from '../project-root';
import { ideAssetsDir } from './ide-assets';

/** Entry points of the IDE bundle: the page's script and Monaco's language workers. */
const ENTRIES = {
  // From the sources, also when this runs compiled from dist/.
  ide: path.join(projectRoot(), 'src', 'server', 'ide', 'browser', 'ide.jsx'),
  'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
  'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
  'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
};

/**
 * Bundles GraphiQL, React and Monaco with their CSS and fonts into `dist/ide/`, which the hub
 * serves itself: government networks are closed, so the IDE may not load anything from a CDN.
 */
export async function buildIde(outdir = ideAssetsDir()): Promise<void> {
  await build({
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
    assetNames: '[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  // ~7 MB of JavaScript and CSS: stored gzipped too, so the hub need not compress per request.
  for (const file of fs.readdirSync(outdir).filter((name) => /\.(js|css)$/.test(name))) {
    const full = path.join(outdir, file);
    fs.writeFileSync(`${full}.gz`, zlib.gzipSync(fs.readFileSync(full), { level: 9 }));
  }
}

if (require.main === module) {
  buildIde().catch((error: unknown) => {
    process.stderr.write(`the IDE bundle could not be built: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
