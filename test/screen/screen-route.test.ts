import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readScreenManifest } from '../../src/server/screen/screen-assets';
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
    expect(assets).toEqual([`/screen/${manifest.stylesheet}`, `/screen/${manifest.script}`]);
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
