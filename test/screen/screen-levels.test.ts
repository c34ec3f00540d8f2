import type { Page } from 'playwright-core';
import { HUB_SOURCE, loadConfig } from '../../src/config';
import { ApiRole } from '../../src/core/auth/api-role';
import { SourceRegistry } from '../../src/core/data-sources/source-registry';
import { addDays, startOfLocalDay } from '../../src/core/time/local-time';
import { departments } from '../../src/departments';
import { SocialOrganization } from '../../src/departments/civil/organizations/social-organization.entity';
import { withSource } from '../../src/core/departments/department-module';
import { sourceDefinitions } from '../../src/hub-source';
import { seedDepartments } from '../../seeds/seed-departments';
import { describeInBrowser, launchChromium, type ScreenBrowser } from '../helpers/chromium';
import { createTestDatabases } from '../helpers/test-databases';
import { addActivity } from '../query/support/activity-fixtures';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor, liveOf } from '../live/live-helpers';
import { fontconfigWithoutChinese } from './helpers/fontconfig-without-chinese';
import { waitForConnection } from './helpers/screen-page';
import { fontsDrawing, headerLayout, mapLabels } from './helpers/wall-checks';

/** `SCREEN_SHOTS=docs` writes screen-city.png, screen.png (the district, README's), screen-street.png and screen-hub.png there. */
const SHOTS = process.env.SCREEN_SHOTS;

type Metric = { name: string; value: number | null };
const METRICS = 'metrics { name value }';

/** A metric's tiles on the wall against the hub's figures: [shown, GraphQL] per metric. */
async function tilesAgainst(page: Page, attribute: 'kpi' | 'district-kpi', metrics: Metric[]): Promise<Record<string, [number | null, number | null]>> {
  const shown = await page.evaluate((attr) => {
    const out: Record<string, number | null> = {};
    for (const el of document.querySelectorAll<HTMLElement>(`[data-${attr}]`)) {
      const text = el.textContent ?? '';
      out[el.getAttribute(`data-${attr}`)!] = /\d/.test(text) ? Number(text.replace(/\D/g, '')) : null;
    }
    return out;
  }, attribute);
  return Object.fromEntries(metrics.map((m) => [m.name, [shown[m.name] ?? null, m.value === null ? null : Math.round(m.value)]]));
}

const ALL_DAY_TITLE = '全天健身指导';

const agree = (pairs: Record<string, [number | null, number | null]>) => Object.values(pairs).every(([a, b]) => a === b);

describeInBrowser('the wall at every level, at district and city scale, on a kiosk with no font at all', () => {
  let district: TestHub;
  let city: TestHub;
  let browser: ScreenBrowser;
  let noFonts: ReturnType<typeof fontconfigWithoutChinese>;
  const keys = new Map<TestHub, string>();
  let allDayOrganizer = '';
  const requests: string[] = [];
  const problems: string[] = [];

  const open = async (t: TestHub, path: string): Promise<Page> => {
    const page = await browser.context.newPage();
    page.on('websocket', (socket) => requests.push(socket.url()));
    page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(`${path}: ${message.text()}`);
    });
    await page.goto(`${new URL(t.url).origin}${path}${path.includes('?') ? '&' : '?'}key=${keys.get(t)}`);
    await waitForConnection(page, 'live', 30_000);
    await page.waitForFunction(() => performance.getEntriesByName('xh-wall-drawn').length > 0, undefined, { timeout: 30_000 });
    return page;
  };
  const origins = () => [district, city].filter(Boolean).map((t) => new URL(t.url).origin);

  beforeAll(async () => {
    noFonts = fontconfigWithoutChinese();
    district = await startTestHub({ driver: 'sqlite' });
    keys.set(district, await keyFor(district.hub, ApiRole.SCREEN));
    // An activity of hub 1 under way all day, run by a known organization: the activities panel always has it.
    const civil = district.hub.services.sources.get('civil');
    const [organizer] = await civil.getRepository(SocialOrganization).find({ order: { id: 'ASC' }, take: 1 });
    const today = startOfLocalDay(new Date());
    await addActivity(civil, {
      title: ALL_DAY_TITLE,
      category: '健身',
      organizationId: organizer.id,
      startsAt: today,
      endsAt: new Date(addDays(today, 1).getTime() - 1_000),
      capacity: 30,
      updatedAt: new Date(),
    });
    allDayOrganizer = organizer.name;
    await liveOf(district.hub).drain();

    // The city-scale set (1,000 hubs), seeded before its hub starts, which then runs the simulator.
    const names = withSource(departments).map((d) => d.name);
    const databases = await createTestDatabases('sqlite', [HUB_SOURCE, ...names]);
    const configs = loadConfig({ ...databases.env, NODE_ENV: 'test' }, names).sources;
    const sources = new SourceRegistry(configs, sourceDefinitions(departments, configs));
    await sources.open({ migrate: true });
    try {
      await seedDepartments(sources, departments, { scale: 'city' });
    } finally {
      await sources.close();
    }
    city = await startTestHub({ driver: 'sqlite', seed: false, databases, env: { SIMULATOR: 'on' } });
    keys.set(city, await keyFor(city.hub, ApiRole.SCREEN));
    await liveOf(city.hub).drain();

    browser = await launchChromium({ env: noFonts.env });
    await browser.context.route('**/*', (route) => (origins().some((o) => route.request().url().startsWith(`${o}/`)) ? route.continue() : route.abort()));
    browser.context.on('request', (request) => requests.push(request.url()));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await city?.close();
    await district?.close();
    noFonts?.remove();
  });

  it('runs on an empty fontconfig: no font at all', () => {
    expect(noFonts.fonts).toEqual([]);
    expect(noFonts.chineseFonts).toEqual([]);
  });

  it('district scale: the district, a street and a hub, each with its own totals, no label over another, the header on one line', async () => {
    const { data } = await district.query(`{ districtOverview(district: "西湖区") { ${METRICS} byStreet { street ${METRICS} } } hub(id: "1") { name live { ${METRICS} } } }`, {}, { authorization: `Bearer ${keys.get(district)}` });
    // ranked: the ranking's rows shown (ten, or the street's five hubs); allDay: the all-day activity's second line.
    const levels: { path: string; shot: string; own: Metric[]; under?: Metric[]; points: number; ranked: number; allDay: string }[] = [
      { path: '/screen', shot: 'screen.png', own: data.districtOverview.metrics, points: 58, ranked: 10, allDay: data.hub.name },
      { path: '/screen?street=三墩镇', shot: 'screen-street.png', own: data.districtOverview.byStreet.find((s: { street: string }) => s.street === '三墩镇').metrics, points: 5, ranked: 5, allDay: '' },
      { path: '/screen?hub=1', shot: 'screen-hub.png', own: data.hub.live.metrics, under: data.districtOverview.metrics, points: 58, ranked: 10, allDay: allDayOrganizer },
    ];
    for (const level of levels) {
      const page = await open(district, level.path);
      await page.locator(`.map-chart[data-points="${level.points}"]`).waitFor({ state: 'attached' });
      // Read first, once the list has come: the activities turn a page every 10 s, and the all-day one leads the first.
      // Under an activity's title its hub, or on the hub's own screen who runs it (hub 1 is not in 三墩镇).
      await page.locator('[data-testid="activities"] > li').first().waitFor({ state: 'attached' });
      const allDay = await page.locator('.activity', { hasText: ALL_DAY_TITLE }).locator('.activity-hub').allTextContents();
      expect({ level: level.path, allDay }).toEqual({ level: level.path, allDay: level.allDay ? [level.allDay] : [] });
      expect({ level: level.path, ranked: await page.locator('.rank-row:visible').count() }).toEqual({ level: level.path, ranked: level.ranked });
      // The area's totals (a gauge's among them) come with the subscription's first message.
      let tiles = await tilesAgainst(page, 'kpi', level.own);
      for (let i = 0; i < 20 && !agree(tiles); i++) {
        await page.waitForTimeout(250);
        tiles = await tilesAgainst(page, 'kpi', level.own);
      }
      expect({ level: level.path, tiles }).toEqual({ level: level.path, tiles: Object.fromEntries(Object.entries(tiles).map(([n, [, b]]) => [n, [b, b]])) });
      if (level.under) {
        let under = await tilesAgainst(page, 'district-kpi', level.under);
        for (let i = 0; i < 20 && !agree(under); i++) {
          await page.waitForTimeout(250);
          under = await tilesAgainst(page, 'district-kpi', level.under);
        }
        expect({ level: level.path, under }).toEqual({ level: level.path, under: Object.fromEntries(Object.entries(under).map(([n, [, b]]) => [n, [b, b]])) });
      }
      const labels = await mapLabels(page);
      expect({ level: level.path, overlapping: labels.overlapping }).toEqual({ level: level.path, overlapping: [] });
      expect(labels.shown.length).toBeGreaterThan(level.path.includes('street') ? 3 : 8);
      const header = await headerLayout(page);
      expect({ ...header, level: level.path }).toEqual({ titleLines: 1, dateLines: 1, overlaps: false, title: header.title, level: level.path });
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${level.shot}` });
      await page.close();
    }
  }, 120_000);

  it('city scale with the simulator on: 1,000 hubs and the districts coloured, no label over another, first paint and update times stated', async () => {
    const page = await open(city, '/screen');
    await page.locator('.map-chart[data-points="1000"]').waitFor({ state: 'attached' });
    const firstPaint = await page.evaluate(() => performance.getEntriesByName('xh-wall-drawn')[0].startTime);
    const header = await headerLayout(page);
    expect(header).toEqual({ titleLines: 1, dateLines: 1, overlaps: false, title: '幸福荟 · 杭州市民生综合体' });
    const labels = await mapLabels(page);
    expect(labels.overlapping).toEqual([]);
    // Every district is named (the small central ones moved apart), and of the 142 streets, those with room.
    const districts = ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区'];
    expect(districts.filter((name) => !labels.shown.includes(name))).toEqual([]);
    expect(labels.shown.length).toBeGreaterThan(30);

    // The totals are the hub's, as GraphQL gives them (read until both sides have seen the same simulator tick).
    const auth = { authorization: `Bearer ${keys.get(city)}` };
    let last: Record<string, [number | null, number | null]> = {};
    for (let i = 0; i < 40 && !agree(last); i++) {
      const { data } = await city.query(`{ districtOverview { ${METRICS} } }`, {}, auth);
      last = await tilesAgainst(page, 'kpi', data.districtOverview.metrics);
      if (!agree(last)) await page.waitForTimeout(250);
    }
    expect(last).toEqual(Object.fromEntries(Object.entries(last).map(([n, [, b]]) => [n, [b, b]])));

    // Ten seconds of the simulator's messages, each update of the wall measured in the page.
    await page.evaluate(() => performance.clearMeasures('xh-wall-update'));
    await page.waitForTimeout(10_000);
    const updates = await page.evaluate(() => performance.getEntriesByName('xh-wall-update').map((e) => e.duration));
    const sorted = [...updates].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
    process.stdout.write(`city scale (1,000 hubs, simulator on, 2 shared cores, noisy): first paint ${firstPaint.toFixed(0)} ms; ${updates.length} updates in 10 s, median ${sorted[sorted.length >> 1]?.toFixed(1)} ms, p95 ${p95?.toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms\n`);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    // The figures are stated, not held to a bound: a timed test on a shared machine measures the
    // machine (the targets, first paint < 3 s and updates < 50 ms at p95, are judged from these lines).
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/screen-city.png` });

    // Every label is drawn with the bundled font: the machine has no other.
    const fonts = await fontsDrawing(page, ['.wall-title h1', '.wall-date', '.rank-name', '.tile-label', '.map-chart svg text', '.curve-chart svg text']);
    for (const [selector, used] of Object.entries(fonts)) {
      // The bundled fonts: Noto Sans SC (its bold files name a style after it), and Source Han Serif CN for the rare hanzi it lacks.
      expect({ selector, used: used.map((f) => `${f.familyName}${f.isCustomFont ? ' (web font)' : ''}`) }).toEqual({
        selector,
        used: used.map(() => expect.stringMatching(/^(Noto Sans SC|Source Han Serif CN)( \w+)* \(web font\)$/)),
      });
      expect(used.some((f) => f.familyName.startsWith('Noto Sans SC'))).toBe(true);
      expect(used.length).toBeGreaterThan(0);
    }
    await page.close();

    // A district of the city: its own hubs only.
    const shangcheng = await open(city, '/screen?district=上城区');
    const { data } = await city.query('{ districtOverview(district: "上城区") { hubs } }', {}, auth);
    await shangcheng.locator(`.map-chart[data-points="${data.districtOverview.hubs}"]`).waitFor({ state: 'attached' });
    expect((await mapLabels(shangcheng)).overlapping).toEqual([]);
    await shangcheng.close();
  }, 120_000);

  it('loaded nothing from anywhere but the hubs, and met no script error or refused content', () => {
    const elsewhere = requests.filter((url) => !origins().some((o) => url.startsWith(`${o}/`) || url.startsWith(`${o.replace(/^http/, 'ws')}/`)));
    expect(requests.some((url) => url.endsWith('.woff2'))).toBe(true);
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
