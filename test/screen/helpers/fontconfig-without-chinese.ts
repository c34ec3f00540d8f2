import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's fonts-dejavu-core: a Latin font, no CJK. */
const LATIN_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * A fontconfig configuration with no Chinese font: chromium started with it (FONTCONFIG_FILE) is
 * a kiosk that would draw every Chinese label as boxes. It holds one Latin font and nothing else:
 * with no font at all, chromium (156) refuses every web font too (FontFace.load fails with a
 * NetworkError for each face), which no kiosk meets. Returns the environment to start chromium
 * with, and what fc-list finds under it: every font, and those covering Chinese (none).
 */
export function fontconfigWithoutChinese(): { env: Record<string, string | undefined>; fonts: string[]; chineseFonts: string[]; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-no-cjk-fonts-'));
  fs.mkdirSync(path.join(dir, 'fonts'));
  fs.copyFileSync(LATIN_FONT, path.join(dir, 'fonts', path.basename(LATIN_FONT)));
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${path.join(dir, 'fonts')}</dir><cachedir>${path.join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );
  const env = { ...process.env, FONTCONFIG_FILE: file, FONTCONFIG_PATH: dir };
  const list = (pattern: string) => execFileSync('fc-list', [pattern, 'family'], { env, encoding: 'utf8' }).split('\n').filter(Boolean);
  return { env, fonts: list(':'), chineseFonts: list(':lang=zh'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
