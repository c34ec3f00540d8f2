import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); playwright-core never downloads a browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, and nothing of the browser's own that would reach the network (updates, sync, QUIC probes). */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

export interface ScreenBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A 1920×1080 browser on a fresh profile (its own --user-data-dir, removed on close). */
export async function launchChromium({ env }: { env?: Record<string, string | undefined> } = {}): Promise<ScreenBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-screen-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: FLAGS,
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      ...(env ? { env } : {}),
    });
    return {
      context,
      async close() {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
