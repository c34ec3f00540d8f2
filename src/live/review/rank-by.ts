import { registerEnumType } from 'type-graphql';

/** What hubs are ranked by, over a period, from the 5-minute rollups. */
export enum RankBy {
  /** People who came in. */
  FOOTFALL = 'FOOTFALL',
  /** Canteen meals served. */
  MEALS = 'MEALS',
}

registerEnumType(RankBy, { name: 'RankBy' });
