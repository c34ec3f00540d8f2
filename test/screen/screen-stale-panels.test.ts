import type { Page } from 'playwright-core';
import { ApiRole } from '../../src/core/auth/api-role';
import { availableDrivers } from '../helpers/drivers';
import { describeInBrowser, launchChromium, type ScreenBrowser } from '../helpers/chromium';
import { keyFor, liveOf, writeSomeOfToday } from '../live/live-helpers';
import { eventually, startRelayedHub, type RelayedHub } from '../outage/relayed-hub';
import { ingestFootfall } from './helpers/footfall-ingest';
import { FOOTFALL_TODAY, shownCount, waitForConnection, waitForCount } from './helpers/screen-page';

const onMysql = availableDrivers().includes('mysql') ? describeInBrowser : describe.skip;

/** The panels marked 数据暂不可用, by their class, with the department each names. */
function unavailablePanels(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.panel.is-unavailable')].map((panel) => [
        [...panel.classList].find((c) => c.startsWith('panel-'))!,
        `${panel.dataset.unavailable}:${panel.querySelector('.panel-unavailable')?.textContent?.includes('数据暂不可用')}`,
      ]),
    ),
  );
}

onMysql('a department down, on the wall: its panels say 数据暂不可用 and the others keep moving (MariaDB, a relay cut)', () => {
  let relayed: RelayedHub;
  let browser: ScreenBrowser;
  beforeAll(async () => {
    // health (the canteens, meals) reaches MariaDB through a relay the test cuts as a pulled cable would.
    relayed = await startRelayedHub({ relayed: ['health'] });
    // Some of today at any hour (the seeded day is empty before the canteens open): a meal and a reading.
    await writeSomeOfToday(relayed.hub, [1]);
    await liveOf(relayed.hub).drain();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await relayed?.close();
    await relayed?.databases.drop();
  });

  it('marks the canteen panel and the meals tile while health is down, not zeros, and clears both when it is back', async () => {
    const origin = new URL(relayed.url).origin;
    const iotKey = await keyFor(relayed.hub, ApiRole.DEPARTMENT, { department: 'iot' });
    const page = await browser.context.newPage();
    await page.goto(`${origin}/screen?key=${await keyFor(relayed.hub, ApiRole.SCREEN)}`);
    await waitForConnection(page, 'live');
    await page.locator('.canteen-table td.meals').first().waitFor();
    expect(await unavailablePanels(page)).toEqual({});
    const meals = await shownCount(page, '[data-kpi="meals"]');
    expect(meals).toBeGreaterThan(0);

    relayed.relays.health.cut();
    await eventually('health is down', () => !relayed.hub.services.sources.isUp('health'));
    await page.locator('.panel-canteen.is-unavailable').waitFor({ timeout: 10_000 });
    expect(await unavailablePanels(page)).toEqual({ 'panel-canteen': 'health:true' });
    // The meals tile is marked and keeps its last value (dimmed), never a zero; the other tiles are not marked.
    expect(await page.locator('.tile.is-unavailable [data-kpi]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kpi))).toEqual(['meals']);
    expect(await shownCount(page, '[data-kpi="meals"]')).toBe(meals);
    expect(await page.locator('.tile.is-unavailable .tile-unavailable').textContent()).toBe('数据暂不可用');
    // STALE_SHOT=<file.png>: a picture of the state, for docs/screen.md.
    if (process.env.STALE_SHOT) await page.screenshot({ path: process.env.STALE_SHOT });

    // At every level: a street's wall and a hub's, opened while health is down, say so too.
    for (const level of ['/screen?street=三墩镇', '/screen?hub=1']) {
      const other = await browser.context.newPage();
      await other.goto(`${origin}${level}`);
      await waitForConnection(other, 'live');
      await other.locator('.panel-canteen.is-unavailable').waitFor({ timeout: 10_000 });
      expect({ level, panels: await unavailablePanels(other) }).toEqual({ level, panels: { 'panel-canteen': 'health:true' } });
      await other.close();
    }

    // The door counters' department is up: footfall, the ranking, the map and the curve keep moving.
    const before = await shownCount(page, FOOTFALL_TODAY);
    const added = await ingestFootfall(relayed, iotKey, 12, 25);
    await waitForCount(page, FOOTFALL_TODAY, before + added);
    expect(await unavailablePanels(page)).toEqual({ 'panel-canteen': 'health:true' });

    relayed.relays.health.restore();
    await eventually('health is back', () => relayed.hub.services.sources.isUp('health'), 20_000);
    await page.locator('.panel.is-unavailable, .tile.is-unavailable').first().waitFor({ state: 'detached', timeout: 10_000 });
    expect(await unavailablePanels(page)).toEqual({});
    expect(await page.locator('.panel-unavailable').count()).toBe(0);
    expect(await shownCount(page, '[data-kpi="meals"]')).toBe(meals);
    await page.close();
  }, 90_000);
});
