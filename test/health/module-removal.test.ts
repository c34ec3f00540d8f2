import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../../src/core/graphql/print-hub-schema';
import { departments } from '../../src/departments';
import { schemaOf } from '../../src/schema-of';
import { ApiRole } from '../../src/core/auth/api-role';
import { createLogger } from '../../src/core/logging/logger';
import { atLocalTime } from '../../src/core/time/local-time';
import { SimulationDriver } from '../../src/live/simulation-driver';
import { describeEachDriver } from '../helpers/drivers';
import { keyFor, liveOf, writeSomeOfToday } from '../live/live-helpers';
import { startTestHub, type TestHub } from '../helpers/test-hub';

// As if the health line were deleted from src/departments/index.ts: the health folder is never
// loaded. (type-graphql keeps decorator metadata process-wide, so a loaded but unregistered
// module would still leave its field on Hub; removing the line loads nothing.)
jest.mock('../../src/departments', () => ({
  departments: [jest.requireActual('../../src/departments/civil').civilDepartment, jest.requireActual('../../src/departments/iot').iotDepartment],
}));

const HEALTH_TRACES = ['canteen(date: Date)', 'dietaryAdvice(residentRef', 'type Dish', 'enum HealthFlag', 'type CanteenHealthSummary', 'mealsToday', 'meals: Int!'];

describe('the hub without the health department', () => {
  it('builds a schema with no trace of the health types (the committed full schema has them)', async () => {
    expect(departments.map((d) => d.name)).toEqual(['civil', 'iot']);
    const full = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    const reduced = printHubSchema(await schemaOf(departments));
    for (const trace of HEALTH_TRACES) {
      expect(full).toContain(trace);
      expect(reduced).not.toContain(trace);
    }
    expect(reduced).toContain('type Hub {');
  });
});

describeEachDriver('a hub started without the health module', (driver) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ driver, modules: departments });
  });
  afterAll(() => hub?.close());

  it('serves hubs as before, with no Hub.canteen and no dietaryAdvice', async () => {
    const { data, errors } = await hub.query(`{
      hubs(first: 100) { totalCount edges { node { id name } } }
      hubType: __type(name: "Hub") { fields { name } }
      queryType: __type(name: "Query") { fields { name } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.hubs.totalCount).toBe(58);
    expect(data.hubs.edges[0].node.name).toEqual(expect.any(String));
    const hubFields = data.hubType.fields.map((f: any) => f.name);
    expect(hubFields).toEqual(expect.arrayContaining(['id', 'name', 'location']));
    expect(hubFields).not.toContain('canteen');
    expect(data.queryType.fields.map((f: any) => f.name)).not.toContain('dietaryAdvice');
  });

  it('has no meals among the live metrics, and the others still move', async () => {
    const key = await keyFor(hub.hub, ApiRole.SCREEN);
    const overview = async () => {
      const { data, errors } = await hub.query(`{ districtOverview { hubs footfallToday metrics { name department value } } departments { name } }`, {}, { authorization: `Bearer ${key}` });
      expect(errors).toBeUndefined();
      return data;
    };
    await liveOf(hub.hub).drain();
    const before = await overview();
    expect(before.districtOverview.metrics.map((m: any) => m.name)).toEqual(['activities', 'footfall', 'exits', 'occupancy']);
    expect(before.departments.map((d: any) => d.name)).toEqual(['civil', 'iot']);
    await writeSomeOfToday(hub.hub, [3], { meals: false });
    await liveOf(hub.hub).drain();
    const after = await overview();
    expect(after.districtOverview.footfallToday).toBe(before.districtOverview.footfallToday + 3);
    expect(after.districtOverview.metrics.find((m: any) => m.name === 'footfall').value).toBe(after.districtOverview.footfallToday);
    for (const field of ['mealsToday', 'meals']) {
      const { errors } = await hub.query(`{ districtOverview { ${field} } }`, {}, { authorization: `Bearer ${key}` });
      expect(errors?.[0].message).toContain(`Cannot query field "${field}" on type "DistrictOverview"`);
    }
  });

  it('its simulator writes footfall only', async () => {
    const sim = new SimulationDriver(departments, hub.hub.services.sources, () => liveOf(hub.hub).state.hubList(), createLogger('silent'));
    const at = atLocalTime(new Date(), 10, 0);
    await sim.tick(new Date(at.getTime() - 30_000));
    expect(Object.keys(await sim.tick(at))).toEqual(['iot']);
  });

  it('refuses a query for the canteen as a field that does not exist', async () => {
    const { errors } = await hub.query(`{ hubs(first: 1) { edges { node { canteen { mealsServed } } } } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    expect(errors?.[0].message).toContain('Cannot query field "canteen" on type "Hub"');
  });
});
