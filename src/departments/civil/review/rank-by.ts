import { registerEnumType } from 'type-graphql';

/** What hubs are ranked by, over a period, from the 5-minute rollups. */
export enum RankBy {
  /** People who came in. */
  FOOTFALL = 'FOOTFALL',
  /** Canteen meals served. */
  MEALS = 'MEALS',
}

registerEnumType(RankBy, { name: 'RankBy' });

/** The declared metric each ranking reads (declared by iot and health; a ranking by a metric no department declares is all zeros). */
export const RANKED_METRIC: Record<RankBy, string> = {
  [RankBy.FOOTFALL]: 'footfall',
  [RankBy.MEALS]: 'meals',
};
