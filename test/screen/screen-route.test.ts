import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readScreenManifest } from '../../src/server/screen/screen-assets';
import { buildCityDistrict } from '../../seeds/demo-district-plan';
import { screenRoute } from '../../src/server/screen/screen-routes';
import { listen, type ListeningServer } from '../../src/server/hub-server';
import { createLogger } from '../../src/core/logging/logger';
import { startTestHub, type TestHub } from '../helpers/test-hub';

describe('GET /screen', () => {
  let t: TestHub;
  let origin: string;
  beforeAll(async () => {
    t = await startTestHub({ driver: 'sqlite', seed: false });
    origin = new URL(t.url).origin;
  }, 60_000);
  afterAll(() => t?.close());

  it('serves the page with a policy that lets it load only from the hub, naming only the bundle', async () => {
    const response = await fetch(`${origin}/screen?key=xfh_whatever&hub=12`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*connect-src 'self'/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // The key stays in the address for the page's script to take; the hub never writes it into the page.
    expect(html).not.toContain('xfh_whatever');
    const manifest = readScreenManifest()!;
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((a) => !a.startsWith('data:'));
    expect(assets).toEqual([`/screen/${manifest.fonts}`, `/screen/${manifest.stylesheet}`, `/screen/${manifest.script}`]);
    expect((await fetch(`${origin}/screen/`)).status).toBe(200);
  });

  it('serves the bundle gzipped and cacheable for good, ECharts and graphql-ws inside', async () => {
    const manifest = readScreenManifest()!;
    const script = await fetch(`${origin}/screen/${manifest.script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    const text = await script.text();
    expect(text).toContain('graphql-transport-ws');
    expect(text).toMatch(/echarts|ECharts/);
    expect(text).not.toMatch(/https?:\/\/(cdn|unpkg|fonts\.googleapis|cdnjs)/);
    const css = await fetch(`${origin}/screen/${manifest.stylesheet}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('refuses what is not a file of the bundle, and anything but GET', async () => {
    for (const name of ['nothing.js', '..%2F..%2Fpackage.json', '../../package.json', 'manifest.json', '.hidden.js']) {
      expect((await fetch(`${origin}/screen/${name}`)).status).toBe(404);
    }
    expect((await fetch(`${origin}/screen`, { method: 'POST' })).status).toBe(405);
  });

  // Last but one: it holds the event loop for seconds, past the hub's keep-alive timeout, and a reused socket would be reset.
  it('serves the bundled Chinese fonts from the hub: slices covering GB 2312 and every name of the city seed', async () => {
    const manifest = readScreenManifest()!;
    const css = await (await fetch(`${origin}/screen/${manifest.fonts}`)).text();
    expect(css).toContain("font-family: 'Noto Sans SC'");
    expect(css).toContain('font-family:"Source Han Serif CN VF"');
    expect(css).not.toMatch(/url\((?!(noto-sans-sc|source-han-serif)-[\w-]+\.woff2\))/);
    expect(css).not.toContain('local(');
    const slice = css.match(/url\((noto-sans-sc-[\w-]+\.woff2)\)/)![1];
    const font = await fetch(`${origin}/screen/${slice}`);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    const covered = new Set<number>();
    for (const [, ranges] of css.matchAll(/unicode-range: ?([^;}]+)/g)) {
      for (const range of ranges.split(',')) {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
        for (let c = from; c <= (to ?? from); c++) covered.add(c);
      }
    }
    // GB 2312's hanzi: rows 16–87 of the EUC-CN table (6,763 characters), decoded by ICU.
    const gbk = new TextDecoder('gbk');
    const gb2312: number[] = [];
    for (let row = 0xb0; row <= 0xf7; row++) {
      for (let cell = 0xa1; cell <= 0xfe; cell++) {
        if (row === 0xd7 && cell > 0xf9) continue;
        gb2312.push(gbk.decode(new Uint8Array([row, cell])).codePointAt(0)!);
      }
    }
    expect(gb2312).toHaveLength(6763);
    // Noto Sans SC's slices leave out a few rare ones (劐, 阢, 坶, …): Source Han Serif CN has them.
    expect(gb2312.filter((c) => !covered.has(c)).map((c) => String.fromCodePoint(c))).toEqual([]);
    const names = buildCityDistrict().hubs.flatMap((h) => [h.name, h.street, h.district]).join('');
    expect([...new Set(names)].filter((c) => !covered.has(c.codePointAt(0)!))).toEqual([]);
  });

  it('says how to build it when dist/screen/ is missing', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'xh-no-screen-'));
    let server: ListeningServer | undefined;
    try {
      server = await listen({ host: '127.0.0.1', port: 0, wsPath: '/graphql', routes: [screenRoute('/graphql', empty)], logger: createLogger('silent') });
      const response = await fetch(`http://127.0.0.1:${server.port}/screen`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: 'the screen page is not built: run `npm run build`' });
    } finally {
      await server?.close();
      await server?.ws.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
