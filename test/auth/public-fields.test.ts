import { getMetadataStorage } from 'type-graphql';
import { departments } from '../../src/departments';
import { hubResolvers, schemaOf } from '../../src/schema-of';

/**
 * What anyone may read, from "Who may do what" in DESIGN.md: the public lists and a hub's
 * public facts. Every other operation and field resolver must carry `@Authorized(...)`.
 */
const PUBLIC = new Set([
  'Query.hub',
  'Query.hubs',
  'Query.nearbyHubs',
  'Query.activities',
  // Which department is down and since when (DESIGN.md "When a department is down"); the error words only for SCREEN and ADMIN.
  'Query.departments',
  'Hub.location',
  'Hub.facilities',
  'Hub.organizations',
  'Hub.activities',
  'Hub.live',
  // Where to leave a bike says nothing about anyone (urban), as nearbyHubs.
  'Query.bikeParkingNear',
  'Hub.nearbyBikeParking',
  'BikeParkingPoint.spacesFree',
  'BikeParkingPoint.location',
  'Activity.hub',
  'Activity.booked',
  'Activity.remaining',
  'Activity.organizer',
  // The departments' named live values on Hub.live (public: counts and crowd level, nothing personal).
  'HubLiveMetrics.occupancy',
  'HubLiveMetrics.crowdLevel',
  'HubLiveMetrics.footfallToday',
  'HubLiveMetrics.activitiesToday',
  'HubLiveMetrics.mealsToday',
  // Field resolvers of types reached only through guarded operations (myBookings, dietaryAdvice,
  // districtOverview, footfallSeries).
  'Booking.activity',
  'Dish.nutrition',
  ...['StreetMetrics', 'DistrictOverview'].flatMap((type) => ['occupancy', 'footfallToday', 'activitiesToday', 'mealsToday'].map((field) => `${type}.${field}`)),
  'FootfallPoint.meals',
  // Checks the caller in its resolver: only the till's own key, not even ADMIN, and a refusal
  // is audited (test/health/dietary-advice.test.ts).
  'Query.dietaryAdvice',
]);

describe('access rules in the schema', () => {
  it('puts @Authorized on every operation and field resolver that is not public', async () => {
    await schemaOf(departments);
    const ours = new Set(hubResolvers(departments));
    const storage = getMetadataStorage();
    const fields = [
      ...storage.queries.map((m) => ({ name: `Query.${m.schemaName}`, m })),
      ...storage.mutations.map((m) => ({ name: `Mutation.${m.schemaName}`, m })),
      ...storage.subscriptions.map((m) => ({ name: `Subscription.${m.schemaName}`, m })),
      ...storage.fieldResolvers.map((m) => ({ name: `${m.getObjectType?.().name ?? '?'}.${m.schemaName}`, m })),
    ].filter(({ m }) => ours.has(m.target));
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['Query.hubs', 'Mutation.createApiKey', 'Query.auditLog']));

    const open = fields.filter(({ name, m }) => m.roles === undefined && !PUBLIC.has(name)).map((f) => f.name);
    expect(open).toEqual([]);
    const adminOnly = fields.filter(({ name }) => ['Mutation.createApiKey', 'Mutation.revokeApiKey', 'Query.auditLog', 'Query.apiClients'].includes(name));
    expect(adminOnly.map(({ m }) => m.roles)).toEqual([['ADMIN'], ['ADMIN'], ['ADMIN'], ['ADMIN']]);
  });
});
