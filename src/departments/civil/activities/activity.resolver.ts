import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../../../core/errors/hub-errors';
import type { HubContext } from '../../../core/graphql/hub-context';
import { parseId } from '../../../core/graphql/parse-id';
import { pageByKeys } from '../../../core/pagination/keyset-page';
import { civilSource } from '../civil-source';
import { hubById } from '../hubs/hub-by-id.loader';
import { Hub } from '../hubs/hub.entity';
import { organizationById } from '../organizations/organization-by-id.loader';
import { SocialOrganization } from '../organizations/social-organization.entity';
import { ActivitiesArgs, DEFAULT_ACTIVITIES_PAGE } from './activities.args';
import { ActivityConnection } from './activity-connection';
import { activitiesMatching, type ActivityCriteria } from './activity-query';
import { Activity } from './activity.entity';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, {
    nullable: true,
    description: 'Activities of every hub, soonest first (by start, then id), a page at a time (Relay cursors); null when its department is down (DEPARTMENT_UNAVAILABLE)',
  })
  async activities(@Args() { filter, first, after }: ActivitiesArgs, @Ctx() context: HubContext): Promise<ActivityConnection> {
    const source = civilSource(context);
    const criteria: ActivityCriteria = {
      street: filter?.street?.trim() || undefined,
      category: filter?.category?.trim() || undefined,
      includeCancelled: filter?.includeCancelled ?? false,
      window: { from: filter?.from ?? new Date(), to: filter?.to ?? null },
    };
    if (filter?.hubId !== undefined && filter.hubId !== null) {
      criteria.hubId = parseId(filter.hubId, 'filter.hubId');
      if (!(await context.loaders.get(hubById).load(criteria.hubId))) {
        throw new BadUserInputError(`filter.hubId: there is no hub ${criteria.hubId}`, 'filter.hubId');
      }
    }
    return pageByKeys({
      list: 'activities',
      first: first ?? DEFAULT_ACTIVITIES_PAGE, // an explicit null means the default
      after,
      keys: ['instant', 'id'],
      keysOf: (activity) => [activity.startsAt.getTime(), activity.id],
      fetch(afterKeys, limit) {
        const query = activitiesMatching(source, criteria);
        if (afterKeys) {
          const [startsAt, id] = afterKeys;
          query.andWhere('(activity.startsAt > :afterStart OR (activity.startsAt = :afterStart AND activity.id > :afterId))', {
            afterStart: new Date(startsAt),
            afterId: id,
          });
        }
        return query.orderBy('activity.startsAt', 'ASC').addOrderBy('activity.id', 'ASC').limit(limit).getMany();
      },
      count: () => activitiesMatching(source, criteria).getCount(),
    });
  }

  @FieldResolver(() => Hub)
  async hub(@Root() activity: Activity, @Ctx() context: HubContext): Promise<Hub> {
    const hub = await context.loaders.get(hubById).load(activity.hubId);
    if (!hub) throw new Error(`activity ${activity.id} names hub ${activity.hubId}, which does not exist`);
    return hub;
  }

  @FieldResolver(() => SocialOrganization, { nullable: true, description: 'The social organization running it, when known' })
  organizer(@Root() activity: Activity, @Ctx() context: HubContext): Promise<SocialOrganization | null> | null {
    return activity.organizationId === null ? null : context.loaders.get(organizationById).load(activity.organizationId);
  }
}
