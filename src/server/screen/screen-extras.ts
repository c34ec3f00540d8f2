import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { CITY_OUTLINES_SOURCE, readEncodedCityOutlines } from '../../core/geo/city-outlines';

/** What the page imports as `hub-outlines`: the city's district outlines and what to say about them. */
export const OUTLINES_MODULE = 'hub-outlines';

/**
 * Puts the outlines into the bundle as data (ECharts' compressed GeoJSON, which registerMap
 * decodes): the package's own script would pull all of ECharts in a second time.
 */
export function outlinesPlugin(): Plugin {
  return {
    name: OUTLINES_MODULE,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${OUTLINES_MODULE}$`) }, () => ({ path: OUTLINES_MODULE, namespace: OUTLINES_MODULE }));
      build.onLoad({ filter: /.*/, namespace: OUTLINES_MODULE }, () => {
        const { package: pkg, city, coordSystem, asOf, successors, lying_in } = CITY_OUTLINES_SOURCE;
        return { contents: JSON.stringify({ outlines: readEncodedCityOutlines(), source: { package: pkg, city, coordSystem, asOf, successors, lyingIn: lying_in } }), loader: 'json' };
      });
    },
  };
}

const FONT_PACKAGE = '@fontsource/noto-sans-sc';
/** The weights the wall uses (600 and 700 are drawn with 700). */
const FONT_WEIGHTS = [400, 700];

/**
 * Copies Noto Sans SC (SIL OFL, from npm) into the bundle with a stylesheet of its own, so a
 * kiosk without Chinese fonts draws the same wall. The font comes sliced by unicode-range: the
 * browser fetches only the slices the page's text needs, from the hub. Returns the
 * stylesheet's file name.
 */
export function bundleFonts(outdir: string): string {
  const dir = path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
  const parts = [`/* Noto Sans SC from ${FONT_PACKAGE}, SIL Open Font License 1.1 (${path.join('node_modules', FONT_PACKAGE, 'LICENSE')}) */`];
  for (const weight of FONT_WEIGHTS) {
    const css = fs
      .readFileSync(path.join(dir, `${weight}.css`), 'utf8')
      // Every browser a wall runs has woff2: the woff copies would only double the bundle.
      .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '')
      .replace(/url\(\.\/files\/([A-Za-z0-9._-]+\.woff2)\)/g, (_, file: string) => `url(${copyHashed(path.join(dir, 'files', file), outdir)})`);
    parts.push(css);
  }
  parts.push(fallbackFont(outdir));
  return writeHashed(outdir, 'fonts', '.css', parts.join('\n'));
}

const FALLBACK_PACKAGE = '@chinese-fonts/syst';
const FALLBACK_DIR = 'dist/SourceHanSerifCN';

/**
 * Source Han Serif CN (SIL OFL 1.1, Adobe; sliced by cn-font-split), second in the wall's font
 * stack: Google's slices of Noto Sans SC leave out 35 rare GB 2312 hanzi and some that place
 * names use (觃口镇). The browser fetches its slices only for characters Noto Sans SC lacks.
 * `local()` is dropped: the wall draws the same whatever the kiosk has installed.
 */
function fallbackFont(outdir: string): string {
  const dir = path.join(path.dirname(require.resolve(`${FALLBACK_PACKAGE}/package.json`)), FALLBACK_DIR);
  const css = fs
    .readFileSync(path.join(dir, 'result.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/local\("[^"]*"\),/g, '')
    .replace(/url\("\.\/([0-9a-f]+\.woff2)"\)/g, (_, file: string) => `url(${copyAs(path.join(dir, file), outdir, `source-han-serif-${file}`)})`);
  return `/* Source Han Serif CN from ${FALLBACK_PACKAGE}, SIL Open Font License 1.1 */\n${css}`;
}

/** The fallback's files are named by their content already. */
function copyAs(file: string, outdir: string, name: string): string {
  fs.copyFileSync(file, path.join(outdir, name));
  return name;
}

function copyHashed(file: string, outdir: string): string {
  const content = fs.readFileSync(file);
  const name = `${path.basename(file, '.woff2')}-${hashOf(content)}.woff2`;
  fs.writeFileSync(path.join(outdir, name), content);
  return name;
}

function writeHashed(outdir: string, base: string, ext: string, content: string): string {
  const name = `${base}-${hashOf(Buffer.from(content))}${ext}`;
  fs.writeFileSync(path.join(outdir, name), content);
  return name;
}

function hashOf(content: Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex').slice(0, 10);
}
