import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../core/graphql/hub-context';
import { Activity } from '../activities/activity.entity';
import { bookingsKeptByHub } from './booking-keeper';
import { placesTakenById } from './places-taken.loader';

/** An activity's places: counted with its bookings, in civil's source or (civil external) the hub's own. */
@Resolver(() => Activity)
export class ActivityPlacesResolver {
  @FieldResolver(() => Int)
  booked(@Root() activity: Activity, @Ctx() context: HubContext): number | Promise<number> {
    return bookingsKeptByHub(context) ? context.loaders.get(placesTakenById).load(activity.id) : activity.booked;
  }

  @FieldResolver(() => Int, { description: 'Places still free: capacity − booked' })
  remaining(@Root() activity: Activity, @Ctx() context: HubContext): number | Promise<number> {
    // Answered at once from the row while civil is managed: lists of activities pay no promise each.
    if (!bookingsKeptByHub(context)) return Math.max(0, activity.capacity - activity.booked);
    return context.loaders.get(placesTakenById).load(activity.id).then((booked) => Math.max(0, activity.capacity - booked));
  }
}
