import type { DataSource } from 'typeorm';
import { BookingStatus } from '../../src/departments/civil/bookings/booking-status';
import { Booking } from '../../src/departments/civil/bookings/booking.entity';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { addActivity, reloadActivity } from './support/activity-fixtures';
import { RESIDENT_JWT_SECRET, residentHeaders } from './support/resident-tokens';

const BOOK = `mutation($id: ID!) { bookActivity(activityId: $id) { id status } }`;
const RESIDENTS = 200;
const PLACES = 20;

describeEachDriver('200 residents booking a 20-place activity at once', (driver) => {
  let hub: TestHub;
  let civil: DataSource;
  beforeAll(async () => {
    hub = await startTestHub({ driver, env: { RESIDENT_JWT_SECRET } });
    civil = hub.hub.services.sources.get('civil');
  });
  afterAll(() => hub?.close());

  it('confirms exactly 20 and refuses 180 with a clear error', async () => {
    const activity = await addActivity(civil, { capacity: PLACES, title: '太极拳晨练' });
    const headers = await Promise.all(Array.from({ length: RESIDENTS }, (_, i) => residentHeaders(`race-resident-${String(i).padStart(4, '0')}`)));
    // Every request is sent before any answer is read.
    const answers = await Promise.all(headers.map((h) => hub.query(BOOK, { id: String(activity.id) }, h)));

    const confirmed = answers.filter((a) => a.data?.bookActivity?.status === 'CONFIRMED');
    const refused = answers.filter((a) => a.errors);
    expect(confirmed).toHaveLength(PLACES);
    expect(refused).toHaveLength(RESIDENTS - PLACES);
    for (const answer of refused) {
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors![0]).toMatchObject({
        message: `activityId: activity ${activity.id} is fully booked (20 of 20 places)`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'activityId', reason: 'ACTIVITY_FULL' },
      });
    }
    expect((await reloadActivity(civil, activity.id)).booked).toBe(PLACES);
    expect(await civil.getRepository(Booking).countBy({ activityId: activity.id, status: BookingStatus.CONFIRMED })).toBe(PLACES);
    expect(new Set(confirmed.map((a) => a.data.bookActivity.id)).size).toBe(PLACES);
  });

  it('lets one resident hold one place however many times the button is pressed at once', async () => {
    const activity = await addActivity(civil, { capacity: 5 });
    const headers = await residentHeaders('race-impatient-01');
    const answers = await Promise.all(Array.from({ length: 10 }, () => hub.query(BOOK, { id: String(activity.id) }, headers)));
    expect(answers.filter((a) => a.data?.bookActivity)).toHaveLength(1);
    expect(answers.filter((a) => a.errors?.[0].extensions?.reason === 'ALREADY_BOOKED')).toHaveLength(9);
    expect((await reloadActivity(civil, activity.id)).booked).toBe(1);
  });
});
