import DataLoader from 'dataloader';
import { HUB_SOURCE } from '../../config';
import { groupByKeys } from '../../core/loaders/group-by';
import type { LoaderRecipe } from '../../core/loaders/loader-cache';
import { rollupsOfHubs } from '../feeds/rollup-reader';
import { addRollups, emptySeries, type SeriesRange } from './footfall-series';
import type { FootfallPoint } from './live-types';

export interface HubSeriesKey extends SeriesRange {
  hubId: number;
}

const rangeKey = ({ from, to, bucket }: SeriesRange) => `${from.getTime()}|${to.getTime()}|${bucket}`;

/**
 * (hub, range) -> the hub's series: one statement per distinct range in a request, whatever
 * the number of hubs (a screen asks the same range of every hub). Check the range with
 * `emptySeries` before asking: a refusal belongs to the field, not to the batch.
 */
export const footfallSeriesByHub: LoaderRecipe<HubSeriesKey, FootfallPoint[]> = (context) =>
  new DataLoader(
    async (keys) => {
      const byRange = new Map<string, HubSeriesKey[]>();
      for (const key of keys) byRange.set(rangeKey(key), [...(byRange.get(rangeKey(key)) ?? []), key]);
      const found = new Map<string, FootfallPoint[]>();
      for (const [group, groupKeys] of byRange) {
        const range = groupKeys[0];
        const hubIds = [...new Set(groupKeys.map((key) => key.hubId))];
        const first = emptySeries(range)[0].at;
        const rollups = await rollupsOfHubs(context.services.sources.get(HUB_SOURCE), hubIds, first, range.to);
        groupByKeys(hubIds, rollups, (rollup) => rollup.hubId).forEach((ofHub, i) => found.set(`${hubIds[i]}|${group}`, addRollups(emptySeries(range), range.bucket, ofHub)));
      }
      return keys.map((key) => found.get(`${key.hubId}|${rangeKey(key)}`)!);
    },
    { cacheKeyFn: (key) => `${key.hubId}|${rangeKey(key)}` },
  );
