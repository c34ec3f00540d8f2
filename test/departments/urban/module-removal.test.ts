import fs from 'node:fs';
import path from 'node:path';
import { ApiRole } from '../../../src/core/auth/api-role';
import { printHubSchema } from '../../../src/core/graphql/print-hub-schema';
import { departments } from '../../../src/departments';
import { schemaOf } from '../../../src/schema-of';
import { describeEachDriver } from '../../helpers/drivers';
import { startTestHub, type TestHub } from '../../helpers/test-hub';
import { keyFor, liveOf, writeSomeOfToday } from '../../live/live-helpers';

// As if the urban line were deleted from src/departments/index.ts: the urban folder is never loaded
// (type-graphql keeps decorator metadata process-wide, so a loaded but unregistered module would
// still leave Hub.nearbyBikeParking behind; removing the line loads nothing).
jest.mock('../../../src/departments', () => ({
  departments: ['civil', 'iot', 'health'].map((name) => Object.values(jest.requireActual(`../../../src/departments/${name}`)).find((v: any) => v?.name === name)),
}));

const URBAN_TRACES = ['bikeParkingNear(', 'type BikeParkingPoint', 'type NearbyBikeParking', 'nearbyBikeParking(', 'spacesFree'];

describe('the hub without the urban department', () => {
  it('builds a schema with no trace of urban (the committed full schema has it)', async () => {
    expect(departments.map((d) => d.name)).toEqual(['civil', 'iot', 'health']);
    const full = fs.readFileSync(path.resolve(__dirname, '../../../schema/schema.graphql'), 'utf8');
    const reduced = printHubSchema(await schemaOf(departments));
    for (const trace of URBAN_TRACES) {
      expect(full).toContain(trace);
      expect(reduced).not.toContain(trace);
    }
    expect(reduced).toContain('type Hub {');
  });
});

describeEachDriver('a hub started without the urban module', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver, modules: departments });
  });
  afterAll(() => hub?.close());

  it('serves hubs with no Hub.nearbyBikeParking and no bikeParkingNear', async () => {
    const { data, errors } = await hub.query(`{
      hubs(first: 100) { totalCount }
      hubType: __type(name: "Hub") { fields { name } }
      queryType: __type(name: "Query") { fields { name } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.hubs.totalCount).toBe(58);
    expect(data.hubType.fields.map((f: any) => f.name)).not.toContain('nearbyBikeParking');
    expect(data.queryType.fields.map((f: any) => f.name)).not.toContain('bikeParkingNear');
    const { errors: refused } = await hub.query(`{ bikeParkingNear(near: { lat: 30.3, lng: 120.1 }) { distanceMeters } }`);
    expect(refused?.[0].message).toContain('Cannot query field "bikeParkingNear" on type "Query"');
  });

  it('has no bikeSpacesFree among the live metrics, and the others still move', async () => {
    const key = await keyFor(hub.hub, ApiRole.SCREEN);
    const overview = async () => {
      const { data, errors } = await hub.query(`{ districtOverview { footfallToday mealsToday metrics { name value } } departments { name } hub(id: 3) { live { metrics { name } } } }`, {}, { authorization: `Bearer ${key}` });
      expect(errors).toBeUndefined();
      return data;
    };
    await liveOf(hub.hub).drain();
    const before = await overview();
    expect(before.districtOverview.metrics.map((m: any) => m.name)).toEqual(['activities', 'footfall', 'exits', 'occupancy', 'meals']);
    expect(before.hub.live.metrics.map((m: any) => m.name)).not.toContain('bikeSpacesFree');
    expect(before.departments.map((d: any) => d.name)).toEqual(['civil', 'iot', 'health']);
    await writeSomeOfToday(hub.hub, [3]);
    await liveOf(hub.hub).drain();
    const after = await overview();
    expect(after.districtOverview.footfallToday).toBe(before.districtOverview.footfallToday + 3);
    expect(after.districtOverview.mealsToday).toBe(before.districtOverview.mealsToday + 1);
  });
});
