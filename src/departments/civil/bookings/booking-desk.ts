import type { DataSource, EntityManager } from 'typeorm';
import { serialTransaction } from '../../../core/data-sources/serial-transaction';
import { ActivityStatus } from '../activities/activity-status';
import { Activity } from '../activities/activity.entity';
import { BookingRefusedError } from './booking-refused.error';
import { cancelBookingRow, cancelled, closedToBooking, noPlaceLeft, noSuchBooking, startedBeforeCancel, writeBookingRow } from './booking-rows';
import { BookingStatus } from './booking-status';
import { Booking } from './booking.entity';

/**
 * Books and cancels places. Capacity holds under any concurrency because a place is taken by
 * one conditional UPDATE (`booked < capacity`), in the same transaction as the booking row: the
 * row lock it takes makes concurrent bookings of one activity wait for each other, and each
 * re-checks the condition on the committed count. Cancelling takes the same lock first, so the
 * two never deadlock. Every change stamps activity.updated_at (the activity feed's cursor).
 */
export class BookingDesk {
  constructor(private readonly source: DataSource) {}

  book(residentRef: string, activityId: number, now = new Date()): Promise<Booking> {
    return serialTransaction(this.source, async (manager) => {
      const claimed = await manager
        .createQueryBuilder()
        .update(Activity)
        .set({ booked: () => 'booked + 1', updatedAt: now })
        .where('id = :activityId AND status = :scheduled AND starts_at > :now AND booked < capacity', {
          activityId,
          scheduled: ActivityStatus.SCHEDULED,
          now,
        })
        .execute();
      if (claimed.affected !== 1) throw await this.refusal(manager, residentRef, activityId, now);

      return writeBookingRow(manager, residentRef, activityId, now);
    });
  }

  cancel(residentRef: string, bookingId: number, now = new Date()): Promise<Booking> {
    return serialTransaction(this.source, async (manager) => {
      // Someone else's booking is answered like a missing one: ids reveal nothing.
      const booking = await manager.findOneBy(Booking, { id: bookingId, residentRef });
      if (!booking) throw noSuchBooking(bookingId);
      if (booking.status === BookingStatus.CANCELLED) return booking; // a retried cancel is not an error

      const locked = await manager
        .createQueryBuilder()
        .update(Activity)
        .set({ updatedAt: now })
        .where('id = :activityId AND starts_at > :now', { activityId: booking.activityId, now })
        .execute();
      if (locked.affected !== 1) throw startedBeforeCancel(booking.activityId);
      if (!(await cancelBookingRow(manager, bookingId, now))) return { ...booking, status: BookingStatus.CANCELLED }; // cancelled meanwhile
      await manager
        .createQueryBuilder()
        .update(Activity)
        .set({ booked: () => 'booked - 1' })
        .where('id = :activityId AND booked > 0', { activityId: booking.activityId })
        .execute();
      return cancelled(booking, now);
    });
  }

  /** Why the conditional UPDATE took no place, told in the order a resident would want to hear it. */
  private async refusal(manager: EntityManager, residentRef: string, activityId: number, now: Date): Promise<BookingRefusedError> {
    const activity = await manager.findOneBy(Activity, { id: activityId });
    // Closed names a missing activity: past it, there is one.
    return closedToBooking(activity, activityId, now) ?? noPlaceLeft(manager, residentRef, activity!, activity!.booked);
  }
}
