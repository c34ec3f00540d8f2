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
import { compareDayOf } from './compare-day';
import { activitiesPeriod, canteenPeriod, seriesPeriod } from './refresh-periods';
import { levelOf, type ScreenLevel } from './screen-level';
import { checkScreenKey, loadActivities, loadCanteens, loadHubs, loadSeries, type SeriesArea } from './screen-loads';
import { loadWallFonts, namesOf, useWallFonts, WALL_TEXT } from './wall-fonts';
import { forgetScreenKey, takeScreenKey } from './screen-key';
import { ScreenModel } from './screen-model';
import { fitWallToWindow } from './wall-scale';

const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 30_000;

/** The big screen: key -> hubs over HTTP -> the wall -> one live connection. */
export async function startScreen(): Promise<void> {
  const key = takeScreenKey();
  if (!key) {
    showKeyForm(null);
    return loadWallFonts(WALL_TEXT).then(useWallFonts);
  }
  const graphqlPath = document.body.dataset.graphql ?? '/graphql';
  const clock = new HubClock();
  const http = new GraphQLHttp(graphqlPath, key, clock);
  const url = new URL(window.location.href);

  const refuse = (error: unknown): boolean => {
    if (!(error instanceof KeyRefusedError || error instanceof KeyNotForScreensError)) return false;
    forgetScreenKey();
    showKeyForm(error instanceof KeyRefusedError ? KEY_PROBLEMS.key : KEY_PROBLEMS.role);
    return true;
  };

  // The hub may be down when the display starts (a power cut takes both): keep trying.
  let loaded: { model: ScreenModel; level: ScreenLevel } | null = null;
  for (let attempt = 0; loaded === null; attempt++) {
    showBootNotice('正在连接幸福荟平台…', attempt === 0 ? '首次加载综合体数据。' : `暂时无法连接平台，第 ${attempt} 次重试。`);
    try {
      // The hubs are public: the key is tried meanwhile on a SCREEN-only field, so a wrong key stops here.
      // The font's slices for the hubs' names load page by page as the hubs come in: the charts
      // measure their labels as they lay them out, so the slices must be there before the wall.
      const fonts: Promise<void>[] = [loadWallFonts(WALL_TEXT)];
      const [hubs, declared] = await Promise.all([loadHubs(http, (page) => fonts.push(loadWallFonts(namesOf(page)))), checkScreenKey(http)]);
      performance.mark('xh-hubs-loaded');
      const level = levelOf(url, hubs);
      await Promise.all([...fonts, loadWallFonts(level.title + level.subtitle)]);
      useWallFonts();
      performance.mark('xh-fonts-loaded');
      loaded = { model: new ScreenModel(level.hubs, level.focus?.id ?? null, declared.metrics), level };
    } catch (error) {
      if (refuse(error)) return;
      console.warn(error);
      await new Promise((resolve) => setTimeout(resolve, Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt)));
    }
  }
  hideBootNotice();
  buildWall(loaded.model, { graphqlPath, key, http, clock, refuse }, loaded.level);
}

function seriesArea(level: ScreenLevel): SeriesArea {
  return { hubId: level.focus?.id ?? null, district: level.district, street: level.street };
}

/** What the wall talks to the hub with. */
interface Session {
  graphqlPath: string;
  key: string;
  http: GraphQLHttp;
  clock: HubClock;
  /** Shows the key form when `error` is a refused key; false for any other error. */
  refuse: (error: unknown) => boolean;
}

function buildWall(model: ScreenModel, { graphqlPath, key, http, clock, refuse }: Session, level: ScreenLevel): void {
  const focus = model.focus;
  const wall = element('div', 'wall');
  wall.dataset.level = level.kind;
  document.body.append(wall);
  fitWallToWindow(wall);
  const header = new WallHeader(wall, level.title, level.subtitle, clock);
  const body = element('main', 'wall-body');
  const [left, centre, right] = [element('div', 'column'), element('div', 'column'), element('div', 'column')];
  body.append(left, centre, right);
  wall.append(body);
  if (focus) document.body.classList.add('is-focused');
  const totals = new DistrictTotalsPanel(left, model, level.scope);
  const ranking = new HubRankingPanel(left, model);
  // The map has the middle column to itself; at city level it colours the districts by ?metric= (footfall unless said).
  const map = new DistrictMapPanel(centre, model, level, new URL(window.location.href).searchParams.get('metric') ?? 'footfall');
  const curve = new FootfallCurvePanel(right, level.scope);
  const canteen = new CanteenHealthPanel(right, model);
  const activities = new TodaysActivitiesPanel(right, model);
  const banner = new LinkBanner(wall, clock);
  // Each panel and the declared metric its data comes from: while that metric's department is down, the panel says 数据暂不可用.
  const sources = [
    [ranking.frame, 'footfall'],
    [map.frame, 'footfall'],
    [curve.frame, 'footfall'],
    [canteen.frame, 'meals'],
    [activities.frame, 'activities'],
  ] as const;
  const markUnavailable = () => {
    for (const [frame, metric] of sources) frame.setUnavailable(model.downDepartmentOf(metric));
  };
  markUnavailable();

  const ownFootfall = () => (focus ? model.metricsOf(focus.id).footfallToday : model.totals().footfallToday);
  const ownActivities = () => (focus ? model.metricsOf(focus.id).activitiesToday : model.totals().activitiesToday);
  // Each reload is best effort (a failure waits for the next period or reconnection), and one at a time.
  const running = new Set<string>();
  const reload = async (what: string, run: () => Promise<void>) => {
    if (running.has(what)) return;
    running.add(what);
    try {
      await run();
    } catch (error) {
      if (!refuse(error)) console.warn(`the screen could not reload ${what}:`, error);
    } finally {
      running.delete(what);
    }
  };
  const area = seriesArea(level);
  const inArea = new Set(model.hubs.map((h) => h.id));
  const reloadSeries = () =>
    reload('the footfall curve', async () => {
      const compare = compareDayOf(clock.now());
      const { points, total } = await loadSeries(http, area, clock.now(), compare.start);
      curve.setSeries(points, total, clock.now(), compare);
    });
  const reloadActivities = () =>
    reload('the activities', async () => {
      const today = (await loadActivities(http, focus?.id ?? null, clock.now())).filter((a) => inArea.has(a.hub.id));
      // Their titles' slices before they are shown, as the names' (see useWallFonts).
      await loadWallFonts(today.map((a) => a.title).join(''));
      activities.setActivities(today, clock.now());
    });
  const reloadCanteens = () =>
    reload('the canteens', async () => canteen.setSummaries(new Map([...(await loadCanteens(http, focus?.id ?? null))].filter(([id]) => inArea.has(id))), clock.now()));

  // Activities added or cancelled move activitiesToday: the list follows, a little later, once.
  let knownActivities = ownActivities();
  let activitiesTimer: ReturnType<typeof setTimeout> | undefined;
  model.onChange(() => {
    const started = performance.now();
    markUnavailable();
    totals.update();
    ranking.update();
    map.update();
    canteen.update();
    activities.update();
    if (!curve.follow(ownFootfall(), clock.now())) void reloadSeries();
    // Painted now rather than at the next frame, so that the measure (read by the tests) is the whole update.
    map.flush();
    performance.measure('xh-wall-update', { start: started, end: performance.now() });
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
    if (seriesPeriod(now) !== periods.series) {
      periods.series = seriesPeriod(now);
      void reloadSeries();
    }
    if (activitiesPeriod(now) !== periods.activities) {
      periods.activities = activitiesPeriod(now);
      void reloadActivities();
    }
    if (canteenPeriod(now) !== periods.canteen) {
      periods.canteen = canteenPeriod(now);
      void reloadCanteens();
    }
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
    url: `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}${graphqlPath}`,
    key,
    // The whole deployment's wall follows every hub; the others only theirs.
    hubIds: level.kind === 'city' ? null : model.hubs.map((h) => h.id),
    district: level.district,
    street: level.street,
    onMetrics: (metrics) => model.apply(metrics),
    onAreaMetrics: (metrics, stale) => model.applyAreaMetrics(metrics, stale),
    onState,
    onReconnected: () => {
      void reloadSeries();
      void reloadActivities();
    },
  });
  map.flush();
  // When the wall first stood drawn with its data (the tests read it: first paint at city scale); the curve follows as its series arrives.
  performance.mark('xh-wall-drawn');
}
