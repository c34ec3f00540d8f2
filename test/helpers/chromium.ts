import fs from 'node:fs';
import { CHROMIUM_PATH } from './chromium-launch';

export { CHROMIUM_PATH, launchChromium, type ScreenBrowser } from './chromium-launch';

export function chromiumInstalled(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/**
 * `describe` where Debian's chromium is installed. Elsewhere the suite is skipped with one line
 * saying so, or, with REQUIRE_CHROMIUM=1 (CI), the run fails.
 */
export function describeInBrowser(title: string, suite: () => void): void {
  if (chromiumInstalled()) return describe(title, suite);
  if (process.env.REQUIRE_CHROMIUM === '1') throw new Error(`REQUIRE_CHROMIUM=1 but there is no Chromium at ${CHROMIUM_PATH}`);
  process.stdout.write(`\n${title}: skipped, no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium; REQUIRE_CHROMIUM=1 fails the run instead)\n`);
  describe.skip(title, suite);
}

