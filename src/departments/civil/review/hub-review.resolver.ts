import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { HUB_SOURCE } from '../../../core/data-sources/hub-source-name';
import { Access } from '../../../core/auth/access';
import type { HubContext } from '../../../core/graphql/hub-context';
import { checkPageSize } from '../../../core/pagination/page-size';
import { Hub } from '../hubs/hub.entity';
import { CIVIL } from '../civil-source';
import { rollupTotals } from '../../../live/feeds/rollup-reader';
import { ColdHubsArgs } from './cold-hubs.args';
import { HubRankingArgs } from './hub-ranking.args';
import { coldHubs, rankHubs, type HubTotal } from './hub-review';
import { RANKED_METRIC, RankBy } from './rank-by';
import { ColdHub, HubRank } from './review-types';

/**
 * The bureau's performance review (绩效考评): which hubs draw people, which are cold. Both read
 * the 5-minute rollups of the period, one statement, whatever the number of hubs.
 */
@Resolver()
export class HubReviewResolver {
  @Authorized(Access.SCREEN)
  @Query(() => [HubRank], { nullable: true, description: 'Hubs ranked by footfall or meals over [from, to); null when its department is down (DEPARTMENT_UNAVAILABLE)' })
  async hubRanking(@Args() { by, from, to, street, district, first }: HubRankingArgs, @Ctx() context: HubContext): Promise<HubRank[]> {
    const size = checkPageSize(first ?? 20);
    const hubs = await hubsOf(context, street ?? undefined, district ?? undefined);
    const totals = await periodTotals(context, hubs, from, to, RANKED_METRIC[by]);
    const byId = new Map(hubs.map((hub) => [hub.id, hub]));
    return rankHubs(totals)
      .slice(0, size)
      .map(({ rank, total }) => ({ rank, hub: byId.get(total.id)!, value: total.value }));
  }

  @Authorized(Access.SCREEN)
  @Query(() => [ColdHub], { nullable: true, description: 'Hubs visited much less than others of their size over [from, to), least first; null when its department is down (DEPARTMENT_UNAVAILABLE)' })
  async coldHubs(@Args() { from, to, threshold }: ColdHubsArgs, @Ctx() context: HubContext): Promise<ColdHub[]> {
    const hubs = await hubsOf(context);
    const byId = new Map(hubs.map((hub) => [hub.id, hub]));
    return coldHubs(await periodTotals(context, hubs, from, to, RANKED_METRIC[RankBy.FOOTFALL]), threshold ?? 0.5).map((cold) => ({
      hub: byId.get(cold.id)!,
      footfall: cold.value,
      footfallPerCapacity: cold.perCapacity,
      shareOfMedian: cold.shareOfMedian,
    }));
  }
}

function hubsOf(context: HubContext, street?: string, district?: string): Promise<Hub[]> {
  return context.services.sources.get(CIVIL).getRepository(Hub).find({ where: { ...(street ? { street } : {}), ...(district ? { district } : {}) }, order: { id: 'ASC' } });
}

/** Each hub's total of a declared metric over the period, from its rollups. */
async function periodTotals(context: HubContext, hubs: readonly Hub[], from: Date, to: Date, metric: string): Promise<HubTotal[]> {
  const sums = await rollupTotals(context.services.sources.get(HUB_SOURCE), [metric], from, to);
  return hubs.map((hub) => ({ id: hub.id, capacity: hub.capacity, value: sums.get(hub.id)?.[metric] ?? 0 }));
}
