/** What the screen asks the hub. Every field here exists in schema/schema.graphql. */

/** Every declared metric, as the hub lists them: a new department's reaches the wall with no change here. */
const METRIC_FIELDS = 'metrics { name title unit kind value department stale }';
/**
 * A hub's: only the values (1,000 hubs' messages stay small); what each metric is (title, unit,
 * kind, department) comes once with the area's. staleDepartments: the departments that are down
 * (their panels show 数据暂不可用).
 */
const LIVE_FIELDS = 'hubId occupancy crowdLevel footfallToday activitiesToday mealsToday updatedAt staleDepartments metrics { name value }';

/** Every hub with where it is and its counters now, a page at a time (public). */
export const HUBS = /* GraphQL */ `
  query ScreenHubs($after: String) {
    hubs(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id name street district kind capacity location { lat lng } live { ${LIVE_FIELDS} } } }
    }
  }
`;

/** For SCREEN keys only, answered from the hub's memory: tells at once whether the key is one, and gives the declared metrics. */
export const KEY_CHECK = /* GraphQL */ `
  query ScreenKeyCheck { districtOverview { staleDepartments ${METRIC_FIELDS} } }
`;

/** The district's footfall by hour, and the total it adds up to now (so live additions start from the same point). */
export const DISTRICT_SERIES = /* GraphQL */ `
  query ScreenDistrictSeries($district: String, $street: String, $withStreets: Boolean!, $from: DateTime!, $to: DateTime!) {
    districtFootfallSeries(district: $district, street: $street, from: $from, to: $to, bucket: HOUR) { at entered }
    districtOverview(district: $district) { footfallToday byStreet @include(if: $withStreets) { street footfallToday } }
  }
`;

export const HUB_SERIES = /* GraphQL */ `
  query ScreenHubSeries($hubId: ID!, $from: DateTime!, $to: DateTime!) {
    hub(id: $hubId) { footfallSeries(from: $from, to: $to, bucket: HOUR) { at entered } live { footfallToday } }
  }
`;

const CANTEEN_FIELDS = 'canteen { mealsServed suppressBelow lowSaltShare flags { flag diners suppressed } }';

export const CANTEENS = /* GraphQL */ `
  query ScreenCanteens($after: String) {
    hubs(first: 100, after: $after, filter: { facility: CANTEEN }) {
      pageInfo { hasNextPage endCursor }
      edges { node { id ${CANTEEN_FIELDS} } }
    }
  }
`;

export const HUB_CANTEEN = /* GraphQL */ `
  query ScreenHubCanteen($hubId: ID!) { hub(id: $hubId) { id ${CANTEEN_FIELDS} } }
`;

/** Activities still to end today, soonest first (public). */
export const ACTIVITIES = /* GraphQL */ `
  query ScreenActivities($from: DateTime!, $to: DateTime!, $hubId: ID) {
    activities(first: 40, filter: { from: $from, to: $to, hubId: $hubId }) {
      totalCount
      edges { node { id title category startsAt endsAt capacity booked remaining hub { id name } organizer { name } } }
    }
  }
`;

/** Every hub's counters (the map and ranking need all of them, also on a hub's own screen). */
export const HUB_METRICS = /* GraphQL */ `
  subscription ScreenHubMetrics($hubIds: [ID!]) { hubMetrics(hubIds: $hubIds) { ${LIVE_FIELDS} } }
`;

/** The totals of the wall's area, as the hub makes them (a gauge's point serving two hubs counts once); a street's from its district's lines. */
export const AREA_METRICS = /* GraphQL */ `
  subscription ScreenAreaMetrics($district: String, $withStreets: Boolean!) {
    districtOverview(district: $district) { staleDepartments ${METRIC_FIELDS} byStreet @include(if: $withStreets) { street ${METRIC_FIELDS} } }
  }
`;
