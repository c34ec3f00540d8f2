import type { DataSource } from 'typeorm';
import { serialTransaction } from '../../../core/data-sources/serial-transaction';
import { Activity } from '../activities/activity.entity';
import { ActivityPlace } from './activity-place.entity';
import type { BookingDesk } from './booking-desk';
import { cancelBookingRow, cancelled, closedToBooking, noPlaceLeft, noSuchBooking, startedBeforeCancel, writeBookingRow } from './booking-rows';
import { BookingStatus } from './booking-status';
import { Booking } from './booking.entity';

/**
 * The booking desk when civil's source is external (CIVIL_DB_EXTERNAL): the activity (its
 * capacity, status and start) is read from civil, which the hub never writes; the bookings and
 * the places taken are the hub's own records, in its own source. The capacity rule is the
 * managed desk's: one conditional UPDATE (`booked < capacity`, the capacity read from civil) in
 * the same transaction as the booking row, so concurrent bookings of an activity queue on its
 * place row and each sees the committed count. The place row is made beforehand, outside the
 * transaction, so that no transaction holds a shared lock it must then upgrade.
 */
export class HubKeptBookingDesk implements Pick<BookingDesk, 'book' | 'cancel'> {
  constructor(
    private readonly hub: DataSource,
    private readonly civil: DataSource,
  ) {}

  async book(residentRef: string, activityId: number, now = new Date()): Promise<Booking> {
    const activity = await this.civil.getRepository(Activity).findOneBy({ id: activityId });
    const closed = closedToBooking(activity, activityId, now);
    if (closed || !activity) throw closed;
    await this.hub.createQueryBuilder().insert().into(ActivityPlace).values({ activityId, booked: 0, updatedAt: now }).orIgnore().execute();
    return serialTransaction(this.hub, async (manager) => {
      const claimed = await manager
        .createQueryBuilder()
        .update(ActivityPlace)
        .set({ booked: () => 'booked + 1', updatedAt: now })
        .where('activity_id = :activityId AND booked < :capacity', { activityId, capacity: activity.capacity })
        .execute();
      if (claimed.affected !== 1) {
        const place = await manager.findOneBy(ActivityPlace, { activityId });
        throw await noPlaceLeft(manager, residentRef, activity, place?.booked ?? 0);
      }
      return writeBookingRow(manager, residentRef, activityId, now);
    });
  }

  async cancel(residentRef: string, bookingId: number, now = new Date()): Promise<Booking> {
    // Someone else's booking is answered like a missing one: ids reveal nothing.
    const booking = await this.hub.getRepository(Booking).findOneBy({ id: bookingId, residentRef });
    if (!booking) throw noSuchBooking(bookingId);
    if (booking.status === BookingStatus.CANCELLED) return booking; // a retried cancel is not an error
    const activity = await this.civil.getRepository(Activity).findOneBy({ id: booking.activityId });
    if (!activity || activity.startsAt.getTime() <= now.getTime()) throw startedBeforeCancel(booking.activityId);
    return serialTransaction(this.hub, async (manager) => {
      // The place row first, as a booking takes it: the two never deadlock.
      await manager.createQueryBuilder().update(ActivityPlace).set({ updatedAt: now }).where('activity_id = :activityId', { activityId: booking.activityId }).execute();
      if (!(await cancelBookingRow(manager, bookingId, now))) return { ...booking, status: BookingStatus.CANCELLED }; // cancelled meanwhile
      await manager
        .createQueryBuilder()
        .update(ActivityPlace)
        .set({ booked: () => 'booked - 1' })
        .where('activity_id = :activityId AND booked > 0', { activityId: booking.activityId })
        .execute();
      return cancelled(booking, now);
    });
  }
}
