import type { GraphQLHttp } from './graphql-http';
import { ACTIVITIES, CANTEENS, DISTRICT_SERIES, HUB_CANTEEN, HUB_SERIES, HUBS, KEY_CHECK } from './screen-queries';
import { DAY_MS, startOfLocalDay } from './shanghai-time';
import type { CanteenSummary, LiveMetric, Page, ScreenActivity, ScreenHub, SeriesPoint } from './screen-types';

/** What the wall reads over HTTP: at start, after a reconnection, and when a period turns (refresh-periods.ts). */

async function allPages<T>(http: GraphQLHttp, query: string, onPage?: (nodes: T[]) => void): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  do {
    const { hubs }: { hubs: Page<T> } = await http.request(query, { after });
    const page = hubs.edges.map((e) => e.node);
    onPage?.(page);
    nodes.push(...page);
    after = hubs.pageInfo.hasNextPage ? hubs.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

/** Throws KeyRefusedError / KeyNotForScreensError when the key may not read what only SCREEN keys may (a field the hub answers from memory). */
export async function checkScreenKey(http: GraphQLHttp): Promise<{ metrics: LiveMetric[]; staleDepartments: string[] }> {
  const { districtOverview } = await http.request<{ districtOverview: { metrics: LiveMetric[]; staleDepartments: string[] } }>(KEY_CHECK, {});
  return districtOverview;
}

/** Every hub; `onPage` hears each page as it arrives (the page's names start the font loading). */
export function loadHubs(http: GraphQLHttp, onPage?: (hubs: ScreenHub[]) => void): Promise<ScreenHub[]> {
  return allPages<ScreenHub>(http, HUBS, onPage);
}

/** The area a curve is of: one hub, one street of a district, a district, or every hub. */
export interface SeriesArea {
  hubId: string | null;
  district: string | null;
  street: string | null;
}

/** By hour from the start of the day compared with (yesterday, or the last day of the same kind) to the end of today, and the footfall total the series adds up to. */
export async function loadSeries(http: GraphQLHttp, area: SeriesArea, now: number, compareDay: number): Promise<{ points: SeriesPoint[]; total: number }> {
  const today = startOfLocalDay(now);
  const range = { from: new Date(compareDay).toISOString(), to: new Date(today + DAY_MS).toISOString() };
  if (area.hubId) {
    const { hub } = await http.request<{ hub: { footfallSeries: SeriesPoint[]; live: { footfallToday: number } } }>(HUB_SERIES, { hubId: area.hubId, ...range });
    return { points: hub.footfallSeries, total: hub.live.footfallToday };
  }
  type Data = { districtFootfallSeries: SeriesPoint[]; districtOverview: { footfallToday: number; byStreet?: { street: string; footfallToday: number }[] } };
  const data = await http.request<Data>(DISTRICT_SERIES, { ...range, district: area.district, street: area.street, withStreets: area.street !== null });
  const total = area.street === null ? data.districtOverview.footfallToday : (data.districtOverview.byStreet?.find((line) => line.street === area.street)?.footfallToday ?? 0);
  return { points: data.districtFootfallSeries, total };
}

/** Today's canteen summaries by hub id; hubs whose canteen the health department does not know are left out. */
export async function loadCanteens(http: GraphQLHttp, focusId: string | null): Promise<Map<string, CanteenSummary>> {
  type WithCanteen = { id: string; canteen: CanteenSummary | null };
  const hubs = focusId ? [(await http.request<{ hub: WithCanteen }>(HUB_CANTEEN, { hubId: focusId })).hub] : await allPages<WithCanteen>(http, CANTEENS);
  return new Map(hubs.filter((h) => h.canteen !== null).map((h) => [h.id, h.canteen!]));
}

/** Activities that have not ended yet and start today. */
export async function loadActivities(http: GraphQLHttp, focusId: string | null, now: number): Promise<ScreenActivity[]> {
  const variables = { from: new Date(now).toISOString(), to: new Date(startOfLocalDay(now) + DAY_MS).toISOString(), hubId: focusId };
  const { activities } = await http.request<{ activities: { edges: { node: ScreenActivity }[] } }>(ACTIVITIES, variables);
  return activities.edges.map((e) => e.node);
}
