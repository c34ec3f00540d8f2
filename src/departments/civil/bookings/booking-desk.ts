import type { DataSource, EntityManager } from 'typeorm';
import { serialTransaction } from '../../../core/data-sources/serial-transaction';
import { ActivityStatus } from '../activities/activity-status';
import { Activity } from '../activities/activity.entity';
import { BookingRefusedError } from './booking-refused.error';
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

      const existing = await manager.findOneBy(Booking, { activityId, residentRef });
      if (existing?.status === BookingStatus.CONFIRMED) throw alreadyBooked(activityId); // rolls the claim back
      if (existing) {
        // A cancelled booking is taken up again: one row per (activity, resident).
        const renewed = { status: BookingStatus.CONFIRMED, createdAt: now, cancelledAt: null };
        await manager.update(Booking, { id: existing.id }, renewed);
        return Object.assign(existing, renewed);
      }
      const booking = manager.create(Booking, { activityId, residentRef, status: BookingStatus.CONFIRMED, createdAt: now, cancelledAt: null });
      return manager.save(booking);
    });
  }

  cancel(residentRef: string, bookingId: number, now = new Date()): Promise<Booking> {
    return serialTransaction(this.source, async (manager) => {
      // Someone else's booking is answered like a missing one: ids reveal nothing.
      const booking = await manager.findOneBy(Booking, { id: bookingId, residentRef });
      if (!booking) throw new BookingRefusedError('NO_SUCH_BOOKING', `bookingId: you have no booking ${bookingId}`, 'bookingId');
      if (booking.status === BookingStatus.CANCELLED) return booking; // a retried cancel is not an error

      const locked = await manager
        .createQueryBuilder()
        .update(Activity)
        .set({ updatedAt: now })
        .where('id = :activityId AND starts_at > :now', { activityId: booking.activityId, now })
        .execute();
      if (locked.affected !== 1) {
        throw new BookingRefusedError('ACTIVITY_STARTED', `bookingId: activity ${booking.activityId} has already started`, 'bookingId');
      }
      const released = await manager
        .createQueryBuilder()
        .update(Booking)
        .set({ status: BookingStatus.CANCELLED, cancelledAt: now })
        .where('id = :bookingId AND status = :confirmed', { bookingId, confirmed: BookingStatus.CONFIRMED })
        .execute();
      if (released.affected !== 1) return { ...booking, status: BookingStatus.CANCELLED }; // cancelled meanwhile
      await manager
        .createQueryBuilder()
        .update(Activity)
        .set({ booked: () => 'booked - 1' })
        .where('id = :activityId AND booked > 0', { activityId: booking.activityId })
        .execute();
      return Object.assign(booking, { status: BookingStatus.CANCELLED, cancelledAt: now });
    });
  }

  /** Why the conditional UPDATE took no place, told in the order a resident would want to hear it. */
  private async refusal(manager: EntityManager, residentRef: string, activityId: number, now: Date): Promise<BookingRefusedError> {
    const activity = await manager.findOneBy(Activity, { id: activityId });
    if (!activity) return new BookingRefusedError('NO_SUCH_ACTIVITY', `activityId: there is no activity ${activityId}`, 'activityId');
    if (activity.status === ActivityStatus.CANCELLED) {
      return new BookingRefusedError('ACTIVITY_CANCELLED', `activityId: activity ${activityId} has been cancelled`, 'activityId');
    }
    if (activity.startsAt.getTime() <= now.getTime()) {
      return new BookingRefusedError('ACTIVITY_STARTED', `activityId: activity ${activityId} has already started`, 'activityId');
    }
    const mine = await manager.findOneBy(Booking, { activityId, residentRef, status: BookingStatus.CONFIRMED });
    if (mine) return alreadyBooked(activityId);
    return new BookingRefusedError(
      'ACTIVITY_FULL',
      `activityId: activity ${activityId} is fully booked (${activity.booked} of ${activity.capacity} places)`,
      'activityId',
    );
  }
}

function alreadyBooked(activityId: number): BookingRefusedError {
  return new BookingRefusedError('ALREADY_BOOKED', `activityId: you have already booked activity ${activityId}`, 'activityId');
}
