import type { EntityManager } from 'typeorm';
import { ActivityStatus } from '../activities/activity-status';
import type { Activity } from '../activities/activity.entity';
import { BookingRefusedError } from './booking-refused.error';
import { BookingStatus } from './booking-status';
import { Booking } from './booking.entity';

/**
 * The booking row of a place just claimed, in the claim's transaction: a cancelled booking is
 * taken up again (one row per activity and resident); one already confirmed refuses, which rolls
 * the claim back.
 */
export async function writeBookingRow(manager: EntityManager, residentRef: string, activityId: number, now: Date): Promise<Booking> {
  const existing = await manager.findOneBy(Booking, { activityId, residentRef });
  if (existing?.status === BookingStatus.CONFIRMED) throw alreadyBooked(activityId);
  if (existing) {
    const renewed = { status: BookingStatus.CONFIRMED, createdAt: now, cancelledAt: null };
    await manager.update(Booking, { id: existing.id }, renewed);
    return Object.assign(existing, renewed);
  }
  const booking = manager.create(Booking, { activityId, residentRef, status: BookingStatus.CONFIRMED, createdAt: now, cancelledAt: null });
  return manager.save(booking);
}

/** Marks a confirmed booking cancelled; false when it was cancelled meanwhile (nothing to release). */
export async function cancelBookingRow(manager: EntityManager, bookingId: number, now: Date): Promise<boolean> {
  const released = await manager
    .createQueryBuilder()
    .update(Booking)
    .set({ status: BookingStatus.CANCELLED, cancelledAt: now })
    .where('id = :bookingId AND status = :confirmed', { bookingId, confirmed: BookingStatus.CONFIRMED })
    .execute();
  return released.affected === 1;
}

/** The answer to a resident's own booking that has been cancelled. */
export function cancelled(booking: Booking, now: Date): Booking {
  return Object.assign(booking, { status: BookingStatus.CANCELLED, cancelledAt: now });
}

/** Why an activity takes no booking whatever its places: missing, cancelled or begun; null when it is open. */
export function closedToBooking(activity: Activity | null, activityId: number, now: Date): BookingRefusedError | null {
  if (!activity) return new BookingRefusedError('NO_SUCH_ACTIVITY', `activityId: there is no activity ${activityId}`, 'activityId');
  if (activity.status === ActivityStatus.CANCELLED) {
    return new BookingRefusedError('ACTIVITY_CANCELLED', `activityId: activity ${activityId} has been cancelled`, 'activityId');
  }
  if (activity.startsAt.getTime() <= now.getTime()) {
    return new BookingRefusedError('ACTIVITY_STARTED', `activityId: activity ${activityId} has already started`, 'activityId');
  }
  return null;
}

/** Why a claim on an open activity took no place: the resident holds one already, or none is left. */
export async function noPlaceLeft(manager: EntityManager, residentRef: string, activity: Activity, booked: number): Promise<BookingRefusedError> {
  const mine = await manager.findOneBy(Booking, { activityId: activity.id, residentRef, status: BookingStatus.CONFIRMED });
  if (mine) return alreadyBooked(activity.id);
  return fullyBooked(activity.id, booked, activity.capacity);
}

export function alreadyBooked(activityId: number): BookingRefusedError {
  return new BookingRefusedError('ALREADY_BOOKED', `activityId: you have already booked activity ${activityId}`, 'activityId');
}

export function noSuchBooking(bookingId: number): BookingRefusedError {
  return new BookingRefusedError('NO_SUCH_BOOKING', `bookingId: you have no booking ${bookingId}`, 'bookingId');
}

export function startedBeforeCancel(activityId: number): BookingRefusedError {
  return new BookingRefusedError('ACTIVITY_STARTED', `bookingId: activity ${activityId} has already started`, 'bookingId');
}

export function fullyBooked(activityId: number, booked: number, capacity: number): BookingRefusedError {
  return new BookingRefusedError('ACTIVITY_FULL', `activityId: activity ${activityId} is fully booked (${booked} of ${capacity} places)`, 'activityId');
}
