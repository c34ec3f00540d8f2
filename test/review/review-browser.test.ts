import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { ApiRole } from '../../src/core/auth/api-role';
import { startOfLocalDate } from '../../src/core/time/local-time';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { DoorSensor } from '../../src/departments/iot/sensors/door-sensor.entity';
import { describeInBrowser, launchChromium, type ScreenBrowser } from '../helpers/chromium';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor, liveOf } from '../live/live-helpers';

/** Last month as the page computes it: Asia/Shanghai calendar months. */
function lastMonth(now = new Date()): { from: string; to: string } {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const day = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return { from: day(local.getUTCFullYear(), local.getUTCMonth() - 1), to: day(local.getUTCFullYear(), local.getUTCMonth()) };
}

describeInBrowser('the review page in a real browser', () => {
  let t: TestHub;
  let browser: ScreenBrowser;
  let key: string;
  const requests: string[] = [];
  const problems: string[] = [];
  const month = lastMonth();

  beforeAll(async () => {
    t = await startTestHub({ driver: 'sqlite' });
    key = await keyFor(t.hub, ApiRole.SCREEN);
    // Last month's footfall at three hubs, through their own doors: the demo seed has only yesterday and today.
    const iot = t.hub.services.sources.get('iot');
    const sensors = await iot.getRepository(DoorSensor).find({ where: [{ hubId: 7 }, { hubId: 12 }, { hubId: 30 }], order: { id: 'ASC' } });
    const at = new Date(startOfLocalDate(month.from).getTime() + 14 * 86_400_000 + 10 * 3_600_000);
    await iot.getRepository(FootfallReading).save(sensors.map((s, i) => ({ sensorId: s.id, hubId: s.hubId, at, entered: 400 + 37 * i, exited: 0 })));
    await liveOf(t.hub).drain();
    browser = await launchChromium();
    await browser.context.route('**/*', (route) => (route.request().url().startsWith(`http://127.0.0.1:${t.hub.port}/`) ? route.continue() : route.abort()));
    browser.context.on('request', (request) => requests.push(request.url()));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${t.hub.port}/review`);
    return page;
  };

  it('asks for the key, picks last month, shows the ranking and the map, and downloads the workbook the query agrees with', async () => {
    const page = await open();
    await page.getByLabel('密钥').fill(key);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByLabel('时段').selectOption({ label: '上月' });
    await page.locator(`.review-page[data-loaded="${month.from}/${month.to}/"]`).waitFor();
    expect(await page.getByLabel('开始日期').inputValue()).toBe(month.from);

    const { data } = await t.query(
      `query($from: DateTime!, $to: DateTime!) { hubRanking(by: FOOTFALL, from: $from, to: $to, first: 100) { rank exactValue previousValue change changeShare hub { name code street } } }`,
      { from: `${month.from}T00:00:00+08:00`, to: `${month.to}T00:00:00+08:00` },
      { authorization: `Bearer ${key}` },
    );
    const rows = page.locator('.ranking-table .data-row');
    await expect(rows.count()).resolves.toBe(58);
    const first = await rows.first().locator('td').allTextContents();
    expect(first.slice(0, 3)).toEqual(['1', data.hubRanking[0].hub.name, data.hubRanking[0].hub.street]);
    expect(first[5]).toMatch(/^▲/);
    await page.locator('.review-map .map-chart[data-points="58"]').waitFor({ state: 'attached' });
    // The wall's map with the review's own texts: its colours mean cold hubs, not crowding.
    expect(await page.locator('.review-map .panel-title').textContent()).toBe('冷点分布');
    expect(await page.locator('.review-map .map-note').textContent()).toBe('圆点大小：本期客流 · 红色：冷点综合体（低于区中位数）');
    expect(await page.locator('.review-map .map-legend').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`绩效考评_${month.from}_${month.to}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as never);
    const sheet = workbook.getWorksheet('排名')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '排名', '综合体', '编码', '街道', '本期客流（人次）', '上期', '变化', '变化率', '区内排名', '街道内排名']);
    const top = data.hubRanking[0];
    expect(sheet.getRow(2).values).toEqual([undefined, top.rank, top.hub.name, top.hub.code, top.hub.street, top.exactValue, top.previousValue, top.change, top.changeShare ?? undefined, 1, 1]);

    // The key went in headers only: no address the page asked for carries it.
    expect(requests.filter((url) => url.includes(key))).toEqual([]);
    expect(requests.some((url) => url.includes('/reports/review.xlsx?'))).toBe(true);
    expect(requests.every((url) => url.startsWith(`http://127.0.0.1:${t.hub.port}/`) || url.startsWith('blob:'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
