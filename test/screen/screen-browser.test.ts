import type { Page } from 'playwright-core';
import { ApiRole } from '../../src/core/auth/api-role';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor, liveOf } from '../live/live-helpers';
import { chromiumInstalled, describeInBrowser, launchChromium, type ScreenBrowser } from '../helpers/chromium';
import { startCuttableProxy, type CuttableProxy } from './helpers/cuttable-proxy';
import { ingestFootfall } from './helpers/footfall-ingest';
import { FOOTFALL_TODAY, shownCount, waitForConnection, waitForCount } from './helpers/screen-page';

const ADMIN_SECRET = 'screen-test-admin-secret';

/**
 * The ranking's rows as shown: equal footfall shares a rank (1, 1, 3), and only a hub with some
 * footfall gets a medal, by its rank rather than its row.
 */
async function expectRankedAsShown(page: Page): Promise<void> {
  const rows = await page.locator('.rank-row').evaluateAll((items) =>
    items.map((item) => {
      const rank = item.querySelector<HTMLElement>('.rank-no')!;
      return { rank: Number(rank.textContent), medal: rank.dataset.medal, value: Number(item.querySelector('.rank-value')!.textContent!.replace(/,/g, '')) };
    }),
  );
  expect(rows[0]).toMatchObject({ rank: 1, medal: '1' });
  rows.forEach((row, i) => {
    expect(row.rank).toBe(i > 0 && row.value === rows[i - 1].value ? rows[i - 1].rank : i + 1);
    expect(row.medal).toBe(row.rank <= 3 && row.value > 0 ? String(row.rank) : '');
  });
}

describeInBrowser('the big screen in a real browser', () => {
  let t: TestHub;
  let proxy: CuttableProxy;
  let browser: ScreenBrowser;
  let screenKey: string;
  let iotKey: string;
  /** Every request any page of the browser made, WebSockets included. */
  const requests: string[] = [];
  const problems: string[] = [];

  const open = async (path: string): Promise<Page> => {
    const page = await browser.context.newPage();
    page.on('websocket', (socket) => requests.push(socket.url()));
    page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(`${path}: ${message.text()}`);
    });
    await page.goto(`${proxy.origin}${path}`);
    return page;
  };

  beforeAll(async () => {
    t = await startTestHub({ driver: 'sqlite', env: { HUB_ADMIN_SECRET: ADMIN_SECRET } });
    screenKey = await keyFor(t.hub, ApiRole.SCREEN);
    iotKey = await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' });
    await liveOf(t.hub).drain();
    proxy = await startCuttableProxy(t.hub.port);
    browser = await launchChromium();
    // Anything that is not the hub is refused (a closed network), and noted.
    await browser.context.route('**/*', (route) => (route.request().url().startsWith(`${proxy.origin}/`) ? route.continue() : route.abort()));
    browser.context.on('request', (request) => requests.push(request.url()));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await t?.close();
  });

  it('shows the 58 hubs, and the footfall total grows as readings come in, also across a dropped connection', async () => {
    const page = await open(`/screen?key=${screenKey}`);
    await waitForConnection(page, 'live');
    // The key is kept by the page, and out of the address bar.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => window.localStorage.getItem('xingfu-hub.screen-key'))).toBe(screenKey);
    expect(await page.locator('[data-hub-count]').textContent()).toBe('58');
    await page.locator('.map-chart[data-points="58"]').waitFor({ state: 'attached' });
    await expect(page.locator('.rank-row').count()).resolves.toBe(10);

    const before = await shownCount(page, FOOTFALL_TODAY);
    const first = await ingestFootfall(t, iotKey, 12, 40);
    await waitForCount(page, FOOTFALL_TODAY, before + first);
    await expectRankedAsShown(page);

    proxy.cut();
    await waitForConnection(page, 'lost');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('连接已中断');
    // The hub goes on counting while the screen is cut off; once back, it shows the newest total.
    const meanwhile = await ingestFootfall(t, iotKey, 7, 30);
    proxy.restore();
    await waitForConnection(page, 'live', 20_000);
    await waitForCount(page, FOOTFALL_TODAY, before + first + meanwhile);
    expect(await page.locator('.link-banner.is-shown').count()).toBe(0);
    const after = await ingestFootfall(t, iotKey, 3, 20);
    await waitForCount(page, FOOTFALL_TODAY, before + first + meanwhile + after);
    await page.close();
  }, 90_000);

  it("focuses on one hub with ?hub=<id>: its own lobby screen", async () => {
    const { data } = await t.query('{ hub(id: "12") { name live { footfallToday } } }');
    const page = await open('/screen?hub=12');
    await waitForConnection(page, 'live');
    expect(await page.locator('.wall-title h1').textContent()).toBe(data.hub.name);
    await waitForCount(page, FOOTFALL_TODAY, data.hub.live.footfallToday);
    expect(await page.locator('.rank-row.is-focus').count()).toBe(1);
    const more = await ingestFootfall(t, iotKey, 12, 10);
    await waitForCount(page, FOOTFALL_TODAY, data.hub.live.footfallToday + more);
    await page.close();
  }, 60_000);

  it('asks for a key when it has none, and again when the hub refuses it (also a key revoked while it shows)', async () => {
    const page = await open('/screen');
    await page.evaluate(() => window.localStorage.removeItem('xingfu-hub.screen-key'));
    await page.reload();
    await page.getByTestId('key-form').waitFor();

    // A key typed in the form is kept, and the wall comes up with it.
    const { data } = await t.query('mutation { createApiKey(input: { name: "三墩大屏", role: SCREEN }) { id key } }', {}, { authorization: `Bearer ${ADMIN_SECRET}` });
    await page.getByLabel('大屏密钥').fill(data.createApiKey.key);
    await page.getByRole('button', { name: '保存并连接' }).click();
    await waitForConnection(page, 'live');

    // Revoked while the wall is up: the hub closes the socket (4403) and the wall says why.
    await t.query(`mutation { revokeApiKey(id: "${data.createApiKey.id}") }`, {}, { authorization: `Bearer ${ADMIN_SECRET}` });
    await waitForConnection(page, 'refused');
    await expect(page.getByTestId('key-form').textContent()).resolves.toContain('平台不接受此密钥');
    expect(await page.evaluate(() => window.localStorage.getItem('xingfu-hub.screen-key'))).toBeNull();

    // A key the hub never issued is refused at the first request (401).
    await page.evaluate(() => window.localStorage.setItem('xingfu-hub.screen-key', 'xfh_not-a-key-the-hub-issued-0000000000000000'));
    await page.reload();
    await expect(page.getByTestId('key-form').textContent()).resolves.toContain('平台不接受此密钥');
    await page.close();
  }, 60_000);

  it('loaded nothing from anywhere but the hub, and met no script error or refused content', () => {
    expect(requests.length).toBeGreaterThan(10);
    const elsewhere = requests.filter((url) => !url.startsWith(`${proxy.origin}/`) && !url.startsWith(`${proxy.origin.replace(/^http/, 'ws')}/`));
    expect(elsewhere).toEqual([]);
    expect(requests).toContain(`${proxy.origin.replace(/^http/, 'ws')}/graphql`);
    expect(problems).toEqual([]);
  });
});

/**
 * `SCREEN_SHOT=docs/screen.png npx jest test/screen/screen-browser` takes the README's picture
 * of the demo district, with this browser, on a hub of its own (docs/screen.md tells how).
 */
if (process.env.SCREEN_SHOT && chromiumInstalled()) {
  describe('the README screenshot', () => {
    it('is taken of the demo district', async () => {
      const t = await startTestHub({ driver: 'sqlite' });
      // Run under libfaketime for an afternoon picture: the hub takes the fake clock (the page
      // follows the hub's), chromium must not (it hangs at start under the preload).
      const { LD_PRELOAD, FAKETIME, ...env } = process.env;
      const browser = await launchChromium({ env });
      try {
        await liveOf(t.hub).drain();
        await browser.context.route('**/*', (route) => (route.request().url().startsWith(new URL(t.url).origin) ? route.continue() : route.abort()));
        const page = await browser.context.newPage();
        await page.goto(`${new URL(t.url).origin}/screen?key=${await keyFor(t.hub, ApiRole.SCREEN)}`);
        await waitForConnection(page, 'live');
        // The curve, canteens and activities load after the wall is up; ECharts animates in.
        await page.waitForTimeout(4_000);
        await page.screenshot({ path: process.env.SCREEN_SHOT! });
      } finally {
        await browser.close();
        await t.close();
      }
    }, 120_000);
  });
}
