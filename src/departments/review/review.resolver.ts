import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Access } from '../../core/auth/access';
import type { HubContext } from '../../core/graphql/hub-context';
import { checkPageSize } from '../../core/pagination/page-size';
import { ActivityStatsArgs } from './activity-stats.args';
import { ColdBasis } from './cold-basis';
import { ColdHubsArgs } from './cold-hubs.args';
import { HubRankingArgs } from './hub-ranking.args';
import { ReviewReader } from './review-reader';
import { ActivityStat, ColdHub, HubRank } from './review-types';

/** The bureau's performance review (绩效考评): which hubs draw people, which are cold, how full their activities are. */
@Resolver()
export class ReviewResolver {
  @Authorized(Access.SCREEN)
  @Query(() => [HubRank], {
    nullable: true,
    description: 'Hubs ranked over [from, to) (Asia/Shanghai midnights) by `by` or a declared `metric`, against the previous period; null when a department it reads is down (DEPARTMENT_UNAVAILABLE)',
  })
  async hubRanking(@Args() args: HubRankingArgs, @Ctx() context: HubContext): Promise<HubRank[]> {
    const size = checkPageSize(args.first ?? 20);
    return (await new ReviewReader(context.services).ranking(args)).slice(0, size);
  }

  @Authorized(Access.SCREEN)
  @Query(() => [ColdHub], {
    nullable: true,
    description: 'Hubs whose footfall per place of capacity (or per m²) over [from, to) is below `threshold` × their district’s median hub’s, least first, with their facilities; null when a department it reads is down (DEPARTMENT_UNAVAILABLE)',
  })
  coldHubs(@Args() args: ColdHubsArgs, @Ctx() context: HubContext): Promise<ColdHub[]> {
    return new ReviewReader(context.services).coldHubs({ ...args, threshold: args.threshold ?? 0.5, basis: args.basis ?? ColdBasis.CAPACITY });
  }

  @Authorized(Access.SCREEN)
  @Query(() => [ActivityStat], {
    nullable: true,
    description: 'Activities over [from, to) per category, organization, street, hub or facility: held, cancelled, places offered, booked, fill rate; least filled first; null when civil is down (DEPARTMENT_UNAVAILABLE)',
  })
  activityStats(@Args() args: ActivityStatsArgs, @Ctx() context: HubContext): Promise<ActivityStat[]> {
    return new ReviewReader(context.services).activityStats(args);
  }
}
