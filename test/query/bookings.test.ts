import type { DataSource } from 'typeorm';
import { ActivityStatus } from '../../src/departments/civil/activities/activity-status';
import { Booking } from '../../src/departments/civil/bookings/booking.entity';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { addActivity, reloadActivity } from './support/activity-fixtures';
import { RESIDENT_JWT_SECRET, residentHeaders } from './support/resident-tokens';

const BOOK = `mutation($id: ID!) { bookActivity(activityId: $id) { id status createdAt cancelledAt activity { id booked remaining } } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status cancelledAt activity { id booked remaining } } }`;
const MINE = `{ myBookings { id status activity { id title hub { name } } } }`;

describeEachDriver('bookings', (driver) => {
  let hub: TestHub;
  let civil: DataSource;
  beforeAll(async () => {
    hub = await startTestHub({ driver, env: { RESIDENT_JWT_SECRET } });
    civil = hub.hub.services.sources.get('civil');
  });
  afterAll(() => hub?.close());

  const as = async (resident: string, query: string, id: number | string) => hub.query(query, { id: String(id) }, await residentHeaders(resident));

  it('books a place for a signed-in resident, counts it and stamps the activity’s updatedAt', async () => {
    const activity = await addActivity(civil, { capacity: 3 });
    const before = Date.now();
    const { data, errors } = await as('resident-alpha', BOOK, activity.id);
    expect(errors).toBeUndefined();
    expect(data.bookActivity).toMatchObject({ status: 'CONFIRMED', cancelledAt: null, activity: { id: String(activity.id), booked: 1, remaining: 2 } });
    const stored = await reloadActivity(civil, activity.id);
    expect(stored.booked).toBe(1);
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 5);

    const mine = await hub.query(MINE, {}, await residentHeaders('resident-alpha'));
    expect(mine.data.myBookings).toContainEqual({
      id: data.bookActivity.id,
      status: 'CONFIRMED',
      activity: { id: String(activity.id), title: '测试活动', hub: { name: '北山街道民生综合体' } },
    });
    // Another resident sees none of them.
    const theirs = await hub.query(MINE, {}, await residentHeaders('resident-beta-0'));
    expect(theirs.data.myBookings.map((b: any) => b.id)).not.toContain(data.bookActivity.id);
  });

  it('asks for a resident token: none is UNAUTHENTICATED, a forged one too', async () => {
    const activity = await addActivity(civil);
    const anonymous = await hub.query(BOOK, { id: String(activity.id) });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await hub.query(BOOK, { id: String(activity.id) }, { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA' });
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await reloadActivity(civil, activity.id)).booked).toBe(0);
  });

  it('holds one booking per resident per activity', async () => {
    const activity = await addActivity(civil, { capacity: 5 });
    expect((await as('resident-gamma', BOOK, activity.id)).errors).toBeUndefined();
    const again = await as('resident-gamma', BOOK, activity.id);
    expect(again.errors?.[0]).toMatchObject({
      message: `activityId: you have already booked activity ${activity.id}`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'activityId', reason: 'ALREADY_BOOKED' },
    });
    expect((await reloadActivity(civil, activity.id)).booked).toBe(1);
  });

  it('refuses a full activity, frees the place on cancelling, and re-books on the same row', async () => {
    const activity = await addActivity(civil, { capacity: 2 });
    const a = await as('resident-a-0001', BOOK, activity.id);
    await as('resident-b-0001', BOOK, activity.id);
    const full = await as('resident-c-0001', BOOK, activity.id);
    expect(full.errors?.[0]).toMatchObject({
      message: `activityId: activity ${activity.id} is fully booked (2 of 2 places)`,
      extensions: { code: 'BAD_USER_INPUT', reason: 'ACTIVITY_FULL' },
    });

    const cancelled = await as('resident-a-0001', CANCEL, a.data.bookActivity.id);
    expect(cancelled.data.cancelBooking).toMatchObject({ status: 'CANCELLED', activity: { booked: 1, remaining: 1 } });
    expect(cancelled.data.cancelBooking.cancelledAt).not.toBeNull();
    // Cancelling again changes nothing.
    expect((await as('resident-a-0001', CANCEL, a.data.bookActivity.id)).data.cancelBooking.status).toBe('CANCELLED');
    expect((await reloadActivity(civil, activity.id)).booked).toBe(1);

    expect((await as('resident-c-0001', BOOK, activity.id)).data.bookActivity.status).toBe('CONFIRMED');
    expect((await as('resident-a-0001', BOOK, activity.id)).errors?.[0].extensions?.reason).toBe('ACTIVITY_FULL');
    await as('resident-c-0001', CANCEL, (await civil.getRepository(Booking).findOneByOrFail({ activityId: activity.id, residentRef: 'resident-c-0001' })).id);
    const rebooked = await as('resident-a-0001', BOOK, activity.id);
    expect(rebooked.data.bookActivity).toMatchObject({ id: a.data.bookActivity.id, status: 'CONFIRMED', cancelledAt: null });
    expect(await civil.getRepository(Booking).countBy({ activityId: activity.id, residentRef: 'resident-a-0001' })).toBe(1);
    expect((await reloadActivity(civil, activity.id)).booked).toBe(2);
  });

  it('refuses activities that have started or were cancelled, and ids that do not exist', async () => {
    const past = await addActivity(civil, { startsInHours: -1 });
    const cancelled = await addActivity(civil, { status: ActivityStatus.CANCELLED });
    const cases: [number | string, string, RegExp][] = [
      [past.id, 'ACTIVITY_STARTED', /has already started/],
      [cancelled.id, 'ACTIVITY_CANCELLED', /has been cancelled/],
      [999_999, 'NO_SUCH_ACTIVITY', /there is no activity 999999/],
    ];
    for (const [id, reason, message] of cases) {
      const { errors } = await as('resident-delta', BOOK, id);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'activityId', reason });
      expect(errors?.[0].message).toMatch(message);
    }
    expect((await reloadActivity(civil, past.id)).booked).toBe(0);
    const notAnId = await as('resident-delta', BOOK, 'abc');
    expect(notAnId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'activityId' });
  });

  it('lets a resident cancel only their own booking', async () => {
    const activity = await addActivity(civil, { capacity: 4 });
    const booking = (await as('resident-owner', BOOK, activity.id)).data.bookActivity;
    const stranger = await as('resident-stranger', CANCEL, booking.id);
    expect(stranger.errors?.[0]).toMatchObject({
      message: `bookingId: you have no booking ${booking.id}`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'bookingId', reason: 'NO_SUCH_BOOKING' },
    });
    expect((await civil.getRepository(Booking).findOneByOrFail({ id: Number(booking.id) })).status).toBe('CONFIRMED');
    expect((await reloadActivity(civil, activity.id)).booked).toBe(1);
  });

  it('stamps updatedAt on a cancellation too', async () => {
    const activity = await addActivity(civil, { capacity: 4 });
    const booking = (await as('resident-epsilon', BOOK, activity.id)).data.bookActivity;
    const booked = await reloadActivity(civil, activity.id);
    await new Promise((r) => setTimeout(r, 20));
    await as('resident-epsilon', CANCEL, booking.id);
    const cancelled = await reloadActivity(civil, activity.id);
    expect(cancelled.booked).toBe(0);
    expect(cancelled.updatedAt.getTime()).toBeGreaterThan(booked.updatedAt.getTime());
  });
});
