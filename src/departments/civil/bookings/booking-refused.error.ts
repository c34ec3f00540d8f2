import { BadUserInputError } from '../../../core/errors/hub-errors';

/** Why a booking or a cancellation was refused; `extensions.reason` for the client's logic. */
export type BookingRefusal = 'NO_SUCH_ACTIVITY' | 'ACTIVITY_FULL' | 'ACTIVITY_STARTED' | 'ACTIVITY_CANCELLED' | 'ALREADY_BOOKED' | 'NO_SUCH_BOOKING';

/** A refused booking: BAD_USER_INPUT naming the argument, with a reason and a message for people. */
export class BookingRefusedError extends BadUserInputError {
  constructor(
    readonly reason: BookingRefusal,
    message: string,
    argument: 'activityId' | 'bookingId',
  ) {
    super(message, argument);
    this.extensions.reason = reason;
  }
}
