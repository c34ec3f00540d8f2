import { createHash } from 'node:crypto';
import { seedDepartments } from '../seeds/seed-departments';
import { departments } from '../src/departments';
import { describeEachDriver } from './helpers/drivers';
import { openTestSources } from './helpers/test-sources';

const NOW = new Date('2026-11-22T02:30:00Z'); // 10:30 in Hangzhou

const COUNTED: [string, string][] = [
  ['civil', 'hub'],
  ['civil', 'facility'],
  ['civil', 'social_organization'],
  ['civil', 'hub_organization'],
  ['civil', 'activity'],
  ['civil', 'booking'],
  ['iot', 'door_sensor'],
  ['iot', 'footfall_reading'],
  ['health', 'resident_health_flag'],
  ['health', 'dish'],
  ['health', 'canteen_menu_item'],
  ['health', 'canteen_meal'],
  ['health', 'canteen_meal_dish'],
];

describeEachDriver('the demo district seed', (driver) => {
  let opened: Awaited<ReturnType<typeof openTestSources>>;
  const one = async (source: string, sql: string) => Object.values((await opened.sources.get(source).query(sql))[0])[0] as number;
  const counts = async () => {
    const result: Record<string, number> = {};
    for (const [source, table] of COUNTED) result[table] = Number(await one(source, `SELECT COUNT(*) FROM ${table}`));
    return result;
  };

  beforeAll(async () => {
    opened = await openTestSources(driver);
    await seedDepartments(opened.sources, departments, { scale: 'demo', now: NOW });
  });
  afterAll(() => opened?.close());

  it('has the 58 hubs of Xihu over its 12 streets, the named ones with their facilities', async () => {
    const civil = opened.sources.get('civil');
    expect(Number(await one('civil', 'SELECT COUNT(*) FROM hub'))).toBe(58);
    expect(Number(await one('civil', 'SELECT COUNT(DISTINCT street) FROM hub'))).toBe(12);
    const facilitiesOf = async (name: string) =>
      (await civil.query(`SELECT f.type FROM facility f JOIN hub h ON h.id = f.hub_id WHERE h.name = ? ORDER BY f.type`, [name])).map(
        (r: { type: string }) => r.type,
      );
    expect(await facilitiesOf('翠苑一区社区民生综合体')).toEqual(['CANTEEN', 'CHILDCARE', 'CULTURE', 'DAY_CARE', 'YOUTH_SCIENCE']);
    expect(await facilitiesOf('北山街道民生综合体')).toEqual(['CHILDCARE', 'CULTURE', 'ELDER_CLUB', 'LIBRARY']);
    expect(await facilitiesOf('长埭村民生综合体')).toEqual(expect.arrayContaining(['CANTEEN', 'HEALTH_HUT']));
    expect((await facilitiesOf('三墩镇民生综合体')).length).toBe(9);
    const operator = await civil.query(
      `SELECT o.name FROM social_organization o JOIN hub_organization l ON l.organization_id = o.id JOIN hub h ON h.id = l.hub_id
       WHERE h.name = '三墩镇民生综合体' AND l.role = 'OPERATOR'`,
    );
    expect(operator).toEqual([{ name: '文泽社会组织服务中心' }]);
  });

  it('links 20+ social organizations to hubs', async () => {
    expect(Number(await one('civil', 'SELECT COUNT(DISTINCT organization_id) FROM hub_organization'))).toBeGreaterThanOrEqual(20);
    expect(Number(await one('civil', 'SELECT COUNT(DISTINCT hub_id) FROM hub_organization'))).toBe(58);
  });

  it('has activities from yesterday to two weeks ahead with 10 to 60 places, bookings matching `booked`', async () => {
    const civil = opened.sources.get('civil');
    const [range] = await civil.query('SELECT MIN(starts_at) AS first, MAX(starts_at) AS last, MIN(capacity) AS lo, MAX(capacity) AS hi FROM activity');
    const day = 86_400_000;
    expect(new Date(range.first + (driver === 'sqlite' ? 'Z' : '')).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 2 * day);
    expect(new Date(range.last + (driver === 'sqlite' ? 'Z' : '')).getTime()).toBeLessThanOrEqual(NOW.getTime() + 15 * day);
    expect([Number(range.lo), Number(range.hi)]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(Number(range.lo)).toBeGreaterThanOrEqual(10);
    expect(Number(range.hi)).toBeLessThanOrEqual(60);
    const mismatched = await civil.query(
      `SELECT a.id FROM activity a LEFT JOIN booking b ON b.activity_id = a.id AND b.status = 'CONFIRMED'
       GROUP BY a.id, a.booked, a.capacity HAVING COUNT(b.id) <> a.booked OR a.booked > a.capacity`,
    );
    expect(mismatched).toEqual([]);
  });

  it('has door sensors on every hub and a day of footfall, never more out than in', async () => {
    expect(Number(await one('iot', 'SELECT COUNT(DISTINCT hub_id) FROM door_sensor'))).toBe(58);
    expect(Number(await one('iot', 'SELECT COUNT(DISTINCT hub_id) FROM footfall_reading'))).toBe(58);
    const negative = await opened.sources.get('iot').query(
      'SELECT hub_id FROM footfall_reading GROUP BY hub_id HAVING SUM(exited) > SUM(entered)',
    );
    expect(negative).toEqual([]);
  });

  it('has 500+ pseudonymous residents with health flags, labelled dishes and a day of meals', async () => {
    expect(Number(await one('health', 'SELECT COUNT(DISTINCT resident_ref) FROM resident_health_flag'))).toBeGreaterThanOrEqual(500);
    const refs = await opened.sources.get('health').query('SELECT DISTINCT resident_ref AS r FROM resident_health_flag');
    expect(refs.every((row: { r: string }) => /^[0-9a-f]{32}$/.test(row.r))).toBe(true);
    expect(Number(await one('health', 'SELECT COUNT(*) FROM dish WHERE sodium_mg >= 0 AND sugar_g >= 0 AND fat_g >= 0 AND kcal > 0'))).toBe(24);
    expect(Number(await one('health', 'SELECT COUNT(*) FROM canteen_meal'))).toBeGreaterThan(500);
  });

  it('adds nothing when run again', async () => {
    const before = await counts();
    await seedDepartments(opened.sources, departments, { scale: 'demo', now: new Date(NOW.getTime() + 3_600_000) });
    expect(await counts()).toEqual(before);
  });

  it('writes the same rows every time for the same moment', async () => {
    const digest = async (sources: typeof opened.sources) => {
      const hash = createHash('sha256');
      for (const [source, table] of COUNTED.filter(([, t]) => t !== 'hub_organization' && t !== 'canteen_meal_dish')) {
        const rows = await sources.get(source).query(`SELECT * FROM ${table} ORDER BY ${table === 'resident_health_flag' ? 'resident_ref, flag' : table === 'canteen_menu_item' ? 'hub_id, served_on, dish_id' : 'id'}`);
        hash.update(JSON.stringify(rows));
      }
      return hash.digest('hex');
    };
    const again = await openTestSources(driver);
    try {
      await seedDepartments(again.sources, departments, { scale: 'demo', now: NOW });
      expect(await digest(again.sources)).toBe(await digest(opened.sources));
    } finally {
      await again.close();
    }
  });
});
