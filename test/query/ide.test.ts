import fs from 'node:fs';
import path from 'node:path';
import { buildIde } from '../../src/server/ide/build-ide';
import { ideAssetsDir } from '../../src/server/ide/ide-assets';
import { describeInBrowser, launchChromium, type ScreenBrowser } from '../helpers/chromium';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the GraphiQL IDE at GET /graphql', () => {
  let hub: TestHub;
  beforeAll(async () => {
    // `npm run build` makes the bundle; the test run's global setup only compiles the server.
    const bundle = path.join(ideAssetsDir(), 'ide.js');
    const source = path.resolve(__dirname, '../../src/server/ide/browser/ide.jsx');
    if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < fs.statSync(source).mtimeMs) await buildIde();
    hub = await startTestHub({ driver: 'sqlite' });
  }, 120_000);
  afterAll(() => hub?.close());

  it('serves a page that loads only files the hub serves itself', async () => {
    const page = await fetch(hub.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(['/graphql/ide/ide.css', '/graphql/ide/ide.js']);
    for (const asset of [...assets, '/graphql/ide/graphql.worker.js', '/graphql/ide/editor.worker.js', '/graphql/ide/json.worker.js']) {
      const response = await fetch(new URL(asset, hub.url), { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
    expect((await fetch(new URL('/graphql/ide/..%2F..%2Fpackage.json', hub.url))).status).toBe(404);
  });

  it('leaves GraphQL requests as they were: POST, and GET with a query', async () => {
    const post = await hub.query('{ hubs(first: 1) { totalCount } }');
    expect(post.data).toEqual({ hubs: { totalCount: 58 } });
    const get = await fetch(`${hub.url}?query=${encodeURIComponent('{ hubs(first: 1) { totalCount } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { hubs: { totalCount: 58 } } });
  });
});

describeInBrowser('the GraphiQL IDE in a real browser', () => {
  let hub: TestHub;
  let browser: ScreenBrowser;
  beforeAll(async () => {
    hub = await startTestHub({ driver: 'sqlite' });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('runs a query with every request to the internet blocked', async () => {
    const page = await browser.context.newPage();
    const external: string[] = [];
    const origin = new URL(hub.url).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(hub.url);
    await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
    await page.locator('.graphiql-response').getByText('三墩镇民生综合体').first().waitFor({ timeout: 30_000 });
    expect(external).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused to/.test(p))).toEqual([]);
  }, 90_000);
});
