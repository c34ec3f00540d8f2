import type { DataSource } from 'typeorm';
import { greatCircleMeters } from '../../src/core/geo/great-circle';
import { seededRandom } from '../../src/core/seeding/seeded-random';
import { FacilityType } from '../../src/departments/civil/facilities/facility-type';
import { Facility } from '../../src/departments/civil/facilities/facility.entity';
import { HubKind } from '../../src/departments/civil/hubs/hub-kind';
import { Hub } from '../../src/departments/civil/hubs/hub.entity';
import { nearbyCandidates } from '../../src/departments/civil/nearby/nearby-search';
import { describeEachDriver } from '../helpers/drivers';
import { openTestSources } from '../helpers/test-sources';

const HUBS = 1000;
const FACILITY_TYPES = Object.values(FacilityType);

/** ~1,000 hubs over Hangzhou with ~35 facilities each, as the city-scale seed spreads them. */
async function fillCity(civil: DataSource): Promise<void> {
  const random = seededRandom(7);
  const hubs = Array.from({ length: HUBS }, (_, i) => ({
    code: `PLAN-${i}`,
    name: `计划综合体${i}`,
    kind: HubKind.EMBEDDED,
    district: '杭州市',
    street: `第${i % 40}街道`,
    address: '',
    lat: 30.05 + random() * 0.4,
    lng: 119.9 + random() * 0.5,
    capacity: null,
    floorAreaM2: null,
  }));
  for (let i = 0; i < hubs.length; i += 200) await civil.getRepository(Hub).insert(hubs.slice(i, i + 200));
  const facilities = Array.from({ length: HUBS * 35 }, (_, i) => ({
    hubId: 1 + (i % HUBS),
    type: FACILITY_TYPES[Math.floor(random() * FACILITY_TYPES.length)],
    name: '设施',
    floor: 1,
  }));
  for (let i = 0; i < facilities.length; i += 500) await civil.getRepository(Facility).insert(facilities.slice(i, i + 500));
}

/** The plan of a statement, as lines of text, on either driver. */
async function planOf(civil: DataSource, sql: string, parameters: unknown[]): Promise<string> {
  if (civil.options.type === 'better-sqlite3') {
    const rows: { detail: string }[] = await civil.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
    return rows.map((r) => r.detail).join('\n');
  }
  const rows: { table: string; type: string; key: string | null }[] = await civil.query(`EXPLAIN ${sql}`, parameters);
  return rows.map((r) => `${r.table} ${r.type} ${r.key}`).join('\n');
}

describeEachDriver('nearbyHubs at city scale: the prefilter is an index range scan', (driver) => {
  let sources: Awaited<ReturnType<typeof openTestSources>>;
  let civil: DataSource;
  beforeAll(async () => {
    sources = await openTestSources(driver);
    civil = sources.sources.get('civil');
    await fillCity(civil);
    if (driver === 'mysql') await civil.query('ANALYZE TABLE hub, facility');
    else await civil.query('ANALYZE');
  }, 120_000);
  afterAll(() => sources?.close());

  const centre = { lat: 30.3, lng: 120.1 };

  it('reads the (lat, lng) index for the box, not the table', async () => {
    const [sql, parameters] = nearbyCandidates(civil, { centre, radiusMeters: 3000 }).getQueryAndParameters();
    const plan = await planOf(civil, sql, parameters);
    if (driver === 'sqlite') expect(plan).toMatch(/SEARCH hub USING COVERING INDEX idx_hub_lat_lng \(lat>\? AND lat<\?\)/);
    else expect(plan).toBe('hub range idx_hub_lat_lng');
  });

  it('checks the facility type through the (type, hub) index, once per candidate', async () => {
    const [sql, parameters] = nearbyCandidates(civil, { centre, radiusMeters: 3000, facility: FacilityType.CANTEEN }).getQueryAndParameters();
    const plan = await planOf(civil, sql, parameters);
    if (driver === 'sqlite') {
      expect(plan).toMatch(/SEARCH hub USING COVERING INDEX idx_hub_lat_lng/);
      expect(plan).toMatch(/USING COVERING INDEX idx_facility_type_hub \(type=\? AND hub_id=\?\)/);
    } else {
      expect(plan).toMatch(/^hub range idx_hub_lat_lng$/m);
      expect(plan).toMatch(/ ref idx_facility_type_hub$/m);
    }
  });

  it('holds every hub that a full scan finds within the radius, and few more', async () => {
    const [sql, parameters] = nearbyCandidates(civil, { centre, radiusMeters: 10_000 }).getQueryAndParameters();
    const inBox = new Set(((await civil.query(sql, parameters)) as { id: number }[]).map((r) => Number(r.id)));
    const all: { id: number; lat: number; lng: number }[] = await civil.query('SELECT id, lat, lng FROM hub');
    const within = all.filter((h) => greatCircleMeters(centre, { lat: Number(h.lat), lng: Number(h.lng) }) <= 10_000);
    expect(within.length).toBeGreaterThan(10);
    for (const h of within) expect(inBox.has(Number(h.id))).toBe(true);
    expect(inBox.size).toBeLessThan(within.length * 1.5); // the box's corners add about 27 %
  });
});
