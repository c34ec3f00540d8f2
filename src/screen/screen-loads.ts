import type { GraphQLHttp } from './graphql-http';
import { ACTIVITIES, CANTEENS, DISTRICT_SERIES, HUB_CANTEEN, HUB_SERIES, HUBS } from './screen-queries';
import { DAY_MS, startOfLocalDay } from './shanghai-time';
import type { CanteenSummary, Page, ScreenActivity, ScreenHub, SeriesPoint } from './screen-types';

/** What the wall reads over HTTP: at start, after a reconnection, and when a period turns (refresh-periods.ts). */

async function allPages<T>(http: GraphQLHttp, query: string): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  do {
    const { hubs }: { hubs: Page<T> } = await http.request(query, { after });
    nodes.push(...hubs.edges.map((e) => e.node));
    after = hubs.pageInfo.hasNextPage ? hubs.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

export function loadHubs(http: GraphQLHttp): Promise<ScreenHub[]> {
  return allPages<ScreenHub>(http, HUBS);
}

/** Yesterday and today by hour, and the footfall total the series adds up to. */
export async function loadSeries(http: GraphQLHttp, focusId: string | null, now: number): Promise<{ points: SeriesPoint[]; total: number }> {
  const today = startOfLocalDay(now);
  const range = { from: new Date(today - DAY_MS).toISOString(), to: new Date(today + DAY_MS).toISOString() };
  if (focusId) {
    const { hub } = await http.request<{ hub: { footfallSeries: SeriesPoint[]; live: { footfallToday: number } } }>(HUB_SERIES, { hubId: focusId, ...range });
    return { points: hub.footfallSeries, total: hub.live.footfallToday };
  }
  const data = await http.request<{ districtFootfallSeries: SeriesPoint[]; districtOverview: { footfallToday: number } }>(DISTRICT_SERIES, range);
  return { points: data.districtFootfallSeries, total: data.districtOverview.footfallToday };
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
