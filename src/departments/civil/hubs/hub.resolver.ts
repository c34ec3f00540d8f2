import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { activitiesByHub } from '../activities/activities-by-hub.loader';
import { Activity } from '../activities/activity.entity';
import { DEFAULT_HUB_ACTIVITIES, HubActivitiesArgs } from '../activities/hub-activities.args';
import { Facility } from '../facilities/facility.entity';
import { facilitiesByHub } from '../facilities/facilities-by-hub.loader';
import { organizationsByHub } from '../organizations/organizations-by-hub.loader';
import { SocialOrganization } from '../organizations/social-organization.entity';
import { convertPoint } from '../../../core/geo/convert';
import { CoordSystem } from '../../../core/geo/coord-system';
import { GeoPoint } from '../../../core/geo/geo-point';
import type { HubContext } from '../../../core/graphql/hub-context';
import { parseId } from '../../../core/graphql/parse-id';
import { pageById } from '../../../core/pagination/id-page';
import { checkPageSize } from '../../../core/pagination/page-size';
import { civilSource } from '../civil-source';
import { HubConnection } from './hub-connection';
import { hubsMatching } from './hub-query';
import { Hub } from './hub.entity';
import { hubById } from './hub-by-id.loader';
import { hubIndexOf, pageAfter } from './hub-index';
import { DEFAULT_HUBS_PAGE, HubsArgs } from './hubs.args';

@Resolver(() => Hub)
export class HubResolver {
  @Query(() => Hub, { nullable: true, description: 'One hub by id; null when there is none, or (with DEPARTMENT_UNAVAILABLE) when civil is down' })
  async hub(@Arg('id', () => ID) id: string, @Ctx() context: HubContext): Promise<Hub | null> {
    return context.loaders.get(hubById).load(parseId(id, 'id'));
  }

  @Query(() => HubConnection, { nullable: true, description: 'Hubs in id order, a page at a time (Relay cursors); null when its department is down (DEPARTMENT_UNAVAILABLE)' })
  async hubs(@Args() { filter, first, after }: HubsArgs, @Ctx() context: HubContext): Promise<HubConnection> {
    // No filter, or only a kind (an exact enum): the hub index answers. Street and name compare by
    // each database's collation, and facilities are not in the index: SQL answers those.
    if (!filter?.street && !filter?.text?.trim() && !filter?.facility) {
      const table = await hubIndexOf(context).current();
      const matching = filter?.kind ? table.hubs.filter((h) => h.kind === filter.kind) : table.hubs;
      return pageById({
        list: 'hubs',
        first: checkPageSize(first ?? DEFAULT_HUBS_PAGE),
        after,
        fetch: async (afterId, limit) => pageAfter(matching, afterId, limit),
        count: async () => matching.length,
      });
    }
    const source = civilSource(context);
    return pageById({
      list: 'hubs',
      first: checkPageSize(first ?? DEFAULT_HUBS_PAGE),
      after,
      fetch: (afterId, limit) =>
        hubsMatching(source, filter).andWhere('hub.id > :afterId', { afterId }).orderBy('hub.id', 'ASC').limit(limit).getMany(),
      count: () => hubsMatching(source, filter).getCount(),
    });
  }

  @FieldResolver(() => GeoPoint, { description: 'Where the hub is, in the coordinate system asked for' })
  location(
    @Root() hub: Hub,
    @Arg('coordSystem', () => CoordSystem, { defaultValue: CoordSystem.WGS84 }) coordSystem: CoordSystem,
  ): GeoPoint {
    return { ...convertPoint(hub, CoordSystem.WGS84, coordSystem), coordSystem };
  }

  @FieldResolver(() => [Facility], { description: 'Its rooms and services, floor by floor' })
  facilities(@Root() hub: Hub, @Ctx() context: HubContext): Promise<Facility[]> {
    return context.loaders.get(facilitiesByHub).load(hub.id);
  }

  @FieldResolver(() => [SocialOrganization], { description: 'The social organizations serving it, its operator first' })
  organizations(@Root() hub: Hub, @Ctx() context: HubContext): Promise<SocialOrganization[]> {
    return context.loaders.get(organizationsByHub).load(hub.id);
  }

  @FieldResolver(() => [Activity], { description: 'Its scheduled activities in a window of time, soonest first' })
  activities(@Root() hub: Hub, @Args() { from, to, first }: HubActivitiesArgs, @Ctx() context: HubContext): Promise<Activity[]> {
    const loader = context.loaders.get(activitiesByHub);
    return loader.load({ hubId: hub.id, from: from ?? null, to: to ?? null, first: first ?? DEFAULT_HUB_ACTIVITIES });
  }
}
