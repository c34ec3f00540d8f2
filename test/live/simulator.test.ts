import { createLogger } from '../../src/core/logging/logger';
import { atLocalTime } from '../../src/core/time/local-time';
import { civilDepartment } from '../../src/departments/civil';
import { iotDepartment } from '../../src/departments/iot';
import { healthDepartment } from '../../src/departments/health';
import { CanteenMeal } from '../../src/departments/health/meals/canteen-meal.entity';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { SimulationDriver } from '../../src/live/simulation-driver';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { liveOf, writeSomeOfToday, namedValuesOf } from './live-helpers';

describeEachDriver('the simulator writes as the departments’ systems would', (driver) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ driver });
    await liveOf(t.hub).drain();
  });
  afterAll(() => t?.close());

  const simulatorOf = () => new SimulationDriver([civilDepartment, iotDepartment, healthDepartment], t.hub.services.sources, () => liveOf(t.hub).state.hubList(), createLogger('silent'));
  const count = async (entity: typeof FootfallReading | typeof CanteenMeal, from: Date, to: Date, column: string) =>
    t.hub.services.sources
      .get(entity === FootfallReading ? 'iot' : 'health')
      .getRepository(entity)
      .createQueryBuilder('x')
      .where(`x.${column} >= :from AND x.${column} < :to`, { from, to })
      .getCount();

  it('door counters: people come in busy hours, nobody at night; the screens count exactly what they wrote', async () => {
    const sim = simulatorOf();
    const today = new Date();
    // Off the 5-minute marks of the seeded readings.
    const morning = new Date(atLocalTime(today, 10, 0).getTime() + 7_000);
    // The first tick writes what came in since the driver was made (up to a minute): counted before.
    await sim.tick(new Date(morning.getTime() - 30_000));
    await liveOf(t.hub).drain();
    const beforeTotal = namedValuesOf(liveOf(t.hub).state.overview(null).values).footfallToday;
    const written = await sim.tick(morning);
    expect(written.iot).toBeGreaterThan(0);
    const [sum] = await t.hub.services.sources
      .get('iot')
      .getRepository(FootfallReading)
      .createQueryBuilder('r')
      .select('SUM(r.entered)', 'n')
      .where('r.at = :at', { at: new Date(Math.floor(morning.getTime() / 1000) * 1000) })
      .getRawMany();
    await liveOf(t.hub).drain();
    expect(namedValuesOf(liveOf(t.hub).state.overview(null).values).footfallToday).toBe(beforeTotal + Number(sum.n));

    const night = new Date(atLocalTime(today, 3, 0).getTime() + 7_000);
    await sim.tick(new Date(night.getTime() - 30_000));
    await sim.tick(night);
    const entered = await t.hub.services.sources.get('iot').getRepository(FootfallReading).createQueryBuilder('r').where('r.at = :at AND r.entered > 0', { at: night }).getCount();
    expect(entered).toBe(0);
  });

  it('canteen tills: meals at the lunch peak, none in the afternoon lull', async () => {
    const sim = simulatorOf();
    const lunch = atLocalTime(new Date(), 11, 50);
    const lull = atLocalTime(new Date(), 15, 0);
    const mealsAt = (at: Date) => count(CanteenMeal, new Date(at.getTime() - 60_000), new Date(at.getTime() + 1), 'servedAt');
    await sim.tick(new Date(lunch.getTime() - 60_000));
    const beforeLunch = await mealsAt(lunch);
    const written = await sim.tick(lunch);
    expect(written.health).toBeGreaterThan(0);
    expect(await mealsAt(lunch)).toBe(beforeLunch + written.health);
    await sim.tick(new Date(lull.getTime() - 60_000));
    expect((await sim.tick(lull)).health).toBe(0);
  });
});
