import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '../../../core/auth/access';
import type { HubContext } from '../../../core/graphql/hub-context';
import { LocalDateScalar } from '../../../core/graphql/scalars';
import { localDateOf } from '../../../core/time/local-time';
import { Hub } from '../../civil';
import { HEALTH_SETTINGS } from '../health-settings';
import { canteenDays } from './canteen-day.loader';
import { CanteenHealthSummary } from './canteen-health-summary';
import { suppressSmallCells } from './small-cell-suppression';

/** Adds `Hub.canteen` to the civil department's Hub; nothing in civil knows of it. */
@Resolver(() => Hub)
export class HubCanteenResolver {
  @Authorized(Access.SCREEN)
  @FieldResolver(() => CanteenHealthSummary, {
    nullable: true,
    description: 'The canteen’s day in health aggregates (screen keys); null when the hub has no canteen. date: today in Asia/Shanghai by default',
  })
  async canteen(
    @Root() hub: Hub,
    @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null | undefined,
    @Ctx() context: HubContext,
  ): Promise<CanteenHealthSummary | null> {
    const day = await context.loaders.get(canteenDays).load(`${hub.id}/${date ?? localDateOf(new Date())}`);
    return day.hasCanteen ? suppressSmallCells(day, context.services.registry.get(HEALTH_SETTINGS.key).suppressBelow) : null;
  }
}
