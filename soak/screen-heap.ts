import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../src/cli/cli-errors';
import { parseCommandLine, UsageError } from '../src/cli/command-line';
import { launchChromium } from '../test/helpers/chromium-launch';
import { wallHeapVerdict, type HeapSample } from './heap-verdict';

const ADMIN_SECRET = `soak-screen-admin-${Date.now()}-0123456789`;

/** The hub as \`npm start\` runs it (dist/src/main.js), on SQLite files in \`dataDir\`; resolves with its GraphQL URL. */
function startHubProcess(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.resolve(__dirname, '../src/main.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /GraphQL\s+(http:\/\/\S+)/.exec(out);
      if (match) {
        clearInterval(timer);
        resolve({ url: match[1], stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM')))) });
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the hub exited (${child.exitCode})`));
      }
    }, 100);
  });
}

const USAGE = `usage: npm run soak:screen -- [--minutes N] [--profile FILE]

Seeds the city-scale set (1,000 hubs) into fresh SQLite files, starts a hub on it with the
simulator on, and opens the wall (/screen) in Debian's chromium (/usr/bin/chromium) at
1920×1080. Every minute it forces a garbage collection in the page and prints the JavaScript
heap left (CDP Runtime.getHeapUsage), the DOM's node count and the wall's updates of that
minute (performance.measure 'xh-wall-update': count, median, p95); at the end the series and
whether the heap stayed flat. --profile FILE also writes a CPU profile of the page's first
minute (open it in Chromium's DevTools, Performance panel). Not part of npm test.`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

runCli('soak:screen', async () => {
  const { values } = parseCommandLine(USAGE, { minutes: { type: 'string', default: '10' }, profile: { type: 'string' } });
  const minutes = Number(values.minutes);
  if (!Number.isInteger(minutes) || minutes < 3) throw new UsageError('--minutes: a whole number of at least 3', USAGE);

  const started = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-soak-screen-'));
  const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', RATE_LIMIT_PER_SECOND: '0', HUB_ADMIN_SECRET: ADMIN_SECRET };
  const seeded = spawnSync(process.execPath, [path.resolve(__dirname, '../src/cli/seed.js'), '--scale', 'city'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (seeded.status !== 0) throw new Error(`the city seed failed (${seeded.status})`);
  const hub = await startHubProcess({ ...env, SIMULATOR: 'on' });
  const browser = await launchChromium();
  try {
    const created = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_SECRET}` },
      body: JSON.stringify({ query: 'mutation { createApiKey(input: { name: "soak screen", role: SCREEN }) { key } }' }),
    });
    const key: string = ((await created.json()) as { data: { createApiKey: { key: string } } }).data.createApiKey.key;
    process.stderr.write(`city seeded and the hub up in ${((Date.now() - started) / 1000).toFixed(0)} s; the wall for ${minutes} minutes\n`);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${new URL(hub.url).origin}/screen?key=${key}`);
    await page.waitForFunction(() => performance.getEntriesByName('xh-wall-drawn').length > 0, undefined, { timeout: 60_000 });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (values.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const samples: HeapSample[] = [];
    process.stdout.write('minute  heap MB (after GC)  DOM nodes  updates  median ms  p95 ms\n');
    for (let minute = 1; minute <= minutes; minute++) {
      await page.waitForTimeout(60_000);
      if (values.profile && minute === 1) {
        const { profile } = await cdp.send('Profiler.stop');
        fs.writeFileSync(values.profile, JSON.stringify(profile));
      }
      const updates = await page.evaluate(() => {
        const durations = performance.getEntriesByName('xh-wall-update').map((e) => e.duration);
        performance.clearMeasures('xh-wall-update');
        return durations;
      });
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? NaN;
      const sorted = updates.sort((a, b) => a - b);
      samples.push({ minute, heapMb: usedSize / 1_048_576 });
      process.stdout.write(
        `${String(minute).padStart(6)}  ${(usedSize / 1_048_576).toFixed(2).padStart(18)}  ${String(nodes).padStart(9)}  ${String(updates.length).padStart(7)}  ${percentile(sorted, 0.5).toFixed(1).padStart(9)}  ${percentile(sorted, 0.95).toFixed(1).padStart(6)}\n`,
      );
    }
    const verdict = wallHeapVerdict(samples);
    process.stdout.write(`${verdict.flat ? 'flat' : 'NOT flat'}: ${verdict.reason}\n`);
    if (errors.length > 0) process.stdout.write(`page errors: ${errors.join('; ')}\n`);
    if (!verdict.flat || errors.length > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await hub.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
