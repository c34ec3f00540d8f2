import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../../core/auth/access';
import { ForbiddenError } from '../../../core/errors/hub-errors';
import type { HubContext } from '../../../core/graphql/hub-context';
import { parseId } from '../../../core/graphql/parse-id';
import { activityById } from '../activities/activity-by-id.loader';
import { Activity } from '../activities/activity.entity';
import { bookingDeskOf, bookingsKeptByHub, bookingSource } from './booking-keeper';
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
    return bookingDeskOf(context).book(residentRef, parseId(activityId, 'activityId'));
  }

  @Authorized(Access.RESIDENT)
  @Mutation(() => Booking, { description: 'Cancels one of the signed-in resident’s bookings, freeing the place' })
  cancelBooking(@Arg('bookingId', () => ID) bookingId: string, @Ctx() context: HubContext): Promise<Booking> {
    const residentRef = residentOf(context);
    return bookingDeskOf(context).cancel(residentRef, parseId(bookingId, 'bookingId'));
  }

  @Authorized(Access.RESIDENT)
  @Query(() => [Booking], { nullable: true, description: `The signed-in resident’s bookings, latest activity first (at most ${MY_BOOKINGS_LIMIT}); null when its department is down (DEPARTMENT_UNAVAILABLE)` })
  async myBookings(@Ctx() context: HubContext): Promise<Booking[]> {
    const residentRef = residentOf(context);
    if (bookingsKeptByHub(context)) return this.hubKeptBookingsOf(residentRef, context);
    return bookingSource(context)
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .innerJoin(Activity, 'activity', 'activity.id = booking.activityId')
      .where('booking.residentRef = :residentRef', { residentRef })
      .orderBy('activity.startsAt', 'DESC')
      .addOrderBy('booking.id', 'DESC')
      .limit(MY_BOOKINGS_LIMIT)
      .getMany();
  }

  /** The same list from the hub's own source, ordered by the activities' start read from civil (a resident has few). */
  private async hubKeptBookingsOf(residentRef: string, context: HubContext): Promise<Booking[]> {
    const bookings = await bookingSource(context).getRepository(Booking).findBy({ residentRef });
    const activities = await context.loaders.get(activityById).loadMany(bookings.map((b) => b.activityId));
    const failed = activities.find((a) => a instanceof Error);
    if (failed) throw failed; // civil down: the caller hears that, not an empty list
    const startOf = new Map<number, number>();
    for (const activity of activities as (Activity | null)[]) if (activity) startOf.set(activity.id, activity.startsAt.getTime());
    return bookings
      .filter((b) => startOf.has(b.activityId))
      .sort((a, b) => startOf.get(b.activityId)! - startOf.get(a.activityId)! || b.id - a.id)
      .slice(0, MY_BOOKINGS_LIMIT);
  }

  @FieldResolver(() => Activity)
  async activity(@Root() booking: Booking, @Ctx() context: HubContext): Promise<Activity> {
    const activity = await context.loaders.get(activityById).load(booking.activityId);
    if (!activity) throw new Error(`booking ${booking.id} names activity ${booking.activityId}, which does not exist`);
    return activity;
  }
}
