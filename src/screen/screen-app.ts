import { hideBootNotice, showBootNotice } from './boot-notice';
import { element } from './dom-element';
import { GraphQLHttp, KeyNotForScreensError, KeyRefusedError } from './graphql-http';
import { HubClock } from './hub-clock';
import { KEY_PROBLEMS, showKeyForm } from './key-form';
import { openLiveConnection, type LiveState } from './live-connection';
import { CanteenHealthPanel } from './panels/canteen-health-panel';
import { DistrictMapPanel } from './panels/district-map-panel';
import { DistrictTotalsPanel } from './panels/district-totals-panel';
import { FootfallCurvePanel } from './panels/footfall-curve-panel';
import { HubRankingPanel } from './panels/hub-ranking-panel';
import { LinkBanner } from './panels/link-banner';
import { TodaysActivitiesPanel } from './panels/todays-activities-panel';
import { WallHeader } from './panels/wall-header';
import { activitiesPeriod, canteenPeriod, seriesPeriod } from './refresh-periods';
import { loadActivities, loadCanteens, loadHubs, loadSeries } from './screen-loads';
import { forgetScreenKey, takeScreenKey } from './screen-key';
import { ScreenModel } from './screen-model';
import type { ScreenHub } from './screen-types';
import { fitWallToWindow } from './wall-scale';

const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 30_000;

/** The big screen: key -> hubs over HTTP -> the wall -> one live connection. */
export async function startScreen(): Promise<void> {
  const key = takeScreenKey();
  if (!key) return showKeyForm(null);
  const graphqlPath = document.body.dataset.graphql ?? '/graphql';
  const clock = new HubClock();
  const http = new GraphQLHttp(graphqlPath, key, clock);
  const focusId = new URL(window.location.href).searchParams.get('hub');

  const refuse = (error: unknown): boolean => {
    if (!(error instanceof KeyRefusedError || error instanceof KeyNotForScreensError)) return false;
    forgetScreenKey();
    showKeyForm(error instanceof KeyRefusedError ? KEY_PROBLEMS.key : KEY_PROBLEMS.role);
    return true;
  };

  // The hub may be down when the display starts (a power cut takes both): keep trying.
  let hubs: ScreenHub[] | null = null;
  for (let attempt = 0; hubs === null; attempt++) {
    showBootNotice('正在连接幸福荟平台…', attempt === 0 ? '首次加载全区综合体数据。' : `暂时无法连接平台，第 ${attempt} 次重试。`);
    try {
      hubs = await loadHubs(http);
      // A key that reads public hubs may still not be a screen's: ask something only a screen may.
      await loadSeries(http, null, clock.now());
    } catch (error) {
      if (refuse(error)) return;
      hubs = null;
      console.warn(error);
      await new Promise((resolve) => setTimeout(resolve, Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt)));
    }
  }
  hideBootNotice();
  buildWall(hubs, focusId, http, clock, key, refuse);
}

function buildWall(hubs: ScreenHub[], focusId: string | null, http: GraphQLHttp, clock: HubClock, key: string, refuse: (error: unknown) => boolean): void {
  const model = new ScreenModel(hubs, focusId);
  const focus = model.focus;
  const district = [...new Set(hubs.map((h) => h.district))].join('、');
  const wall = element('div', 'wall');
  document.body.append(wall);
  fitWallToWindow(wall);
  const missing = focusId && !focus ? `（未找到编号 ${focusId} 的综合体）` : '';
  const header = focus
    ? new WallHeader(wall, focus.name, `幸福荟 · ${focus.district} ${focus.street}`, clock)
    : new WallHeader(wall, `幸福荟 · ${district}民生综合体`, `实时运行总览${missing}`, clock);
  const body = element('main', 'wall-body');
  const [left, centre, right] = [element('div', 'column'), element('div', 'column'), element('div', 'column')];
  body.append(left, centre, right);
  wall.append(body);
  // Xihu is about twice as tall as it is wide: the map has the middle column to itself.
  if (focus) document.body.classList.add('is-focused');
  const totals = new DistrictTotalsPanel(left, model);
  const ranking = new HubRankingPanel(left, model);
  const map = new DistrictMapPanel(centre, model);
  const curve = new FootfallCurvePanel(right, focus !== null);
  const canteen = new CanteenHealthPanel(right, model);
  const activities = new TodaysActivitiesPanel(right, model);
  const banner = new LinkBanner(wall, clock);

  const ownFootfall = () => (focus ? model.metricsOf(focus.id).footfallToday : model.totals().footfallToday);
  const ownActivities = () => (focus ? model.metricsOf(focus.id).activitiesToday : model.totals().activitiesToday);
  // Each reload is best effort: a failure waits for the next period or reconnection.
  const reload = (what: string, run: () => Promise<void>) =>
    run().catch((error: unknown) => {
      if (!refuse(error)) console.warn(`the screen could not reload ${what}:`, error);
    });
  const reloadSeries = () =>
    reload('the footfall curve', async () => {
      const { points, total } = await loadSeries(http, focus?.id ?? null, clock.now());
      curve.setSeries(points, total, clock.now());
    });
  const reloadActivities = () => reload('the activities', async () => activities.setActivities(await loadActivities(http, focus?.id ?? null, clock.now()), clock.now()));
  const reloadCanteens = () => reload('the canteens', async () => canteen.setSummaries(await loadCanteens(http, focus?.id ?? null), clock.now()));

  // Activities added or cancelled move activitiesToday: the list follows, a little later, once.
  let knownActivities = ownActivities();
  let activitiesTimer: ReturnType<typeof setTimeout> | undefined;
  model.onChange(() => {
    totals.update();
    ranking.update();
    map.update();
    canteen.update();
    activities.update();
    if (!curve.follow(ownFootfall(), clock.now())) void reloadSeries();
    if (ownActivities() !== knownActivities) {
      knownActivities = ownActivities();
      clearTimeout(activitiesTimer);
      activitiesTimer = setTimeout(() => void reloadActivities(), 3_000);
    }
  });

  const periods = { series: seriesPeriod(clock.now()), activities: activitiesPeriod(clock.now()), canteen: canteenPeriod(clock.now()) };
  void reloadSeries();
  void reloadActivities();
  void reloadCanteens();
  setInterval(() => {
    const now = clock.now();
    header.tick();
    banner.tick();
    activities.tick(now);
    if (seriesPeriod(now) !== periods.series) (periods.series = seriesPeriod(now)), void reloadSeries();
    if (activitiesPeriod(now) !== periods.activities) (periods.activities = activitiesPeriod(now)), void reloadActivities();
    if (canteenPeriod(now) !== periods.canteen) (periods.canteen = canteenPeriod(now)), void reloadCanteens();
  }, 1_000);

  const onState = (state: LiveState) => {
    header.setState(state);
    banner.setState(state);
    if (state.kind === 'refused') {
      live.close();
      refuse(state.reason === 'key' ? new KeyRefusedError('') : new KeyNotForScreensError(''));
    }
  };
  const live = openLiveConnection({
    url: `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}${document.body.dataset.graphql ?? '/graphql'}`,
    key,
    onMetrics: (metrics) => model.apply(metrics),
    onState,
    onReconnected: () => {
      void reloadSeries();
      void reloadActivities();
    },
  });
}
