import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An empty fontconfig configuration: no <dir>, so no font at all. Chromium started with it
 * (FONTCONFIG_FILE) is a kiosk without any font of its own, Chinese or Latin: whatever it draws
 * comes from the page's web fonts. (Chromium fails a web font there if laying out text is what
 * starts its load; the wall loads its slices first, see src/screen/wall-fonts.ts.) Returns the
 * environment to start chromium with, and what fc-list finds under it: every font, and those
 * covering Chinese (none of either).
 */
export function fontconfigWithoutChinese(): { env: Record<string, string | undefined>; fonts: string[]; chineseFonts: string[]; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-no-fonts-'));
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${path.join(dir, 'cache')}</cachedir></fontconfig>\n`);
  const env = { ...process.env, FONTCONFIG_FILE: file, FONTCONFIG_PATH: dir };
  const list = (pattern: string) => execFileSync('fc-list', [pattern, 'family'], { env, encoding: 'utf8' }).split('\n').filter(Boolean);
  return { env, fonts: list(':'), chineseFonts: list(':lang=zh'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
