import DataLoader from 'dataloader';
import { HUB_SOURCE } from '../../core/data-sources/hub-source-name';
import { groupByKeys } from '../../core/loaders/group-by';
import type { LoaderRecipe } from '../../core/loaders/loader-cache';
import { gaugeValuesBefore, rollupsOfHubs } from '../feeds/rollup-reader';
import { liveOf } from './live-of';
import { coarseTierOf, emptySeries, fillSeries, type SeriesPoint, type SeriesRange } from './metric-series';

export interface HubSeriesKey extends SeriesRange {
  hubId: number;
  /** Declared metrics kept in rollups (counters and gauges). */
  metrics: readonly string[];
}

const groupKey = ({ from, to, bucket, metrics }: HubSeriesKey) => `${from.getTime()}|${to.getTime()}|${bucket}|${metrics.join(',')}`;

/**
 * (hub, range, metrics) -> the hub's series: one statement per distinct range and metrics in a
 * request (and one per gauge for where it starts), whatever the number of hubs. Check the range
 * with `emptySeries` before asking: a refusal belongs to the field, not to the batch.
 */
export const seriesByHub: LoaderRecipe<HubSeriesKey, SeriesPoint[]> = (context) =>
  new DataLoader(
    async (keys) => {
      const hubSource = context.services.sources.get(HUB_SOURCE);
      const catalog = liveOf(context).state.catalog;
      const groups = new Map<string, HubSeriesKey[]>();
      for (const key of keys) groups.set(groupKey(key), [...(groups.get(groupKey(key)) ?? []), key]);
      const found = new Map<string, SeriesPoint[]>();
      for (const [group, groupKeys] of groups) {
        const range = groupKeys[0];
        const hubIds = [...new Set(groupKeys.map((key) => key.hubId))];
        const first = emptySeries(range)[0].at;
        const gauges = new Set(range.metrics.filter((name) => catalog.find(name)?.kind === 'gauge'));
        const before = new Map<string, Map<number, number>>();
        for (const gauge of gauges) before.set(gauge, await gaugeValuesBefore(hubSource, hubIds, gauge, first));
        const rollups = await rollupsOfHubs(hubSource, hubIds, range.metrics, first, range.to, coarseTierOf(range.bucket), gauges);
        groupByKeys(hubIds, rollups, (rollup) => rollup.hubId!).forEach((ofHub, i) => {
          const start = new Map([...before].flatMap(([gauge, values]) => (values.has(hubIds[i]) ? [[gauge, values.get(hubIds[i])!] as const] : [])));
          found.set(`${hubIds[i]}|${group}`, fillSeries(emptySeries(range), range.bucket, ofHub, gauges, start));
        });
      }
      return keys.map((key) => found.get(`${key.hubId}|${groupKey(key)}`)!);
    },
    { cacheKeyFn: (key) => `${key.hubId}|${groupKey(key)}` },
  );
