import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../../core/auth/access';
import { ForbiddenError } from '../../../core/errors/hub-errors';
import type { HubContext } from '../../../core/graphql/hub-context';
import { parseId } from '../../../core/graphql/parse-id';
import { activityById } from '../activities/activity-by-id.loader';
import { Activity } from '../activities/activity.entity';
import { civilSource } from '../civil-source';
import { BookingDesk } from './booking-desk';
import { Booking } from './booking.entity';

/** How many bookings `myBookings` lists: years of a keen resident's activities. */
const MY_BOOKINGS_LIMIT = 200;

function residentOf(context: HubContext): string {
  if (context.viewer.kind !== 'resident') throw new ForbiddenError('only a resident (signed in from the mini-program) has bookings');
  return context.viewer.residentRef;
}

@Resolver(() => Booking)
export class BookingResolver {
  @Authorized(Access.RESIDENT)
  @Mutation(() => Booking, { description: 'Books a place at an activity for the signed-in resident' })
  bookActivity(@Arg('activityId', () => ID) activityId: string, @Ctx() context: HubContext): Promise<Booking> {
    const residentRef = residentOf(context);
    return new BookingDesk(civilSource(context)).book(residentRef, parseId(activityId, 'activityId'));
  }

  @Authorized(Access.RESIDENT)
  @Mutation(() => Booking, { description: 'Cancels one of the signed-in resident’s bookings, freeing the place' })
  cancelBooking(@Arg('bookingId', () => ID) bookingId: string, @Ctx() context: HubContext): Promise<Booking> {
    const residentRef = residentOf(context);
    return new BookingDesk(civilSource(context)).cancel(residentRef, parseId(bookingId, 'bookingId'));
  }

  @Authorized(Access.RESIDENT)
  @Query(() => [Booking], { nullable: true, description: `The signed-in resident’s bookings, latest activity first (at most ${MY_BOOKINGS_LIMIT}); null when its department is down (DEPARTMENT_UNAVAILABLE)` })
  myBookings(@Ctx() context: HubContext): Promise<Booking[]> {
    const residentRef = residentOf(context);
    return civilSource(context)
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .innerJoin(Activity, 'activity', 'activity.id = booking.activityId')
      .where('booking.residentRef = :residentRef', { residentRef })
      .orderBy('activity.startsAt', 'DESC')
      .addOrderBy('booking.id', 'DESC')
      .limit(MY_BOOKINGS_LIMIT)
      .getMany();
  }

  @FieldResolver(() => Activity)
  async activity(@Root() booking: Booking, @Ctx() context: HubContext): Promise<Activity> {
    const activity = await context.loaders.get(activityById).load(booking.activityId);
    if (!activity) throw new Error(`booking ${booking.id} names activity ${booking.activityId}, which does not exist`);
    return activity;
  }
}
