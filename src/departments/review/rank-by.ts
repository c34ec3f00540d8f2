import { registerEnumType } from 'type-graphql';

/** What hubs are ranked by, over a period. */
export enum RankBy {
  /** People who came in (the declared metric `footfall`). */
  FOOTFALL = 'FOOTFALL',
  /** Canteen meals served (the declared metric `meals`). */
  MEALS = 'MEALS',
  /** Activities held: starting in the period (and before now), not cancelled. */
  ACTIVITIES = 'ACTIVITIES',
  /** Places booked at the activities held. */
  BOOKINGS = 'BOOKINGS',
}

registerEnumType(RankBy, { name: 'RankBy' });
