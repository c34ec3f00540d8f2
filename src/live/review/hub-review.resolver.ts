import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { HUB_SOURCE } from '../../config';
import { Access } from '../../core/auth/access';
import type { HubContext } from '../../core/graphql/hub-context';
import { checkPageSize } from '../../core/pagination/page-size';
import { CIVIL, Hub } from '../../departments/civil';
import { rollupTotals } from '../feeds/rollup-reader';
import { ColdHubsArgs } from './cold-hubs.args';
import { HubRankingArgs } from './hub-ranking.args';
import { coldHubs, rankHubs, type HubTotal } from './hub-review';
import { RankBy } from './rank-by';
import { ColdHub, HubRank } from './review-types';

/**
 * The bureau's performance review (绩效考评): which hubs draw people, which are cold. Both read
 * the 5-minute rollups of the period, one statement, whatever the number of hubs.
 */
@Resolver()
export class HubReviewResolver {
  @Authorized(Access.SCREEN)
  @Query(() => [HubRank], { description: 'Hubs ranked by footfall or meals over [from, to)' })
  async hubRanking(@Args() { by, from, to, street, first }: HubRankingArgs, @Ctx() context: HubContext): Promise<HubRank[]> {
    const size = checkPageSize(first ?? 20);
    const hubs = await hubsOf(context, street ?? undefined);
    const totals = await periodTotals(context, hubs, from, to, by);
    const byId = new Map(hubs.map((hub) => [hub.id, hub]));
    return rankHubs(totals)
      .slice(0, size)
      .map(({ rank, total }) => ({ rank, hub: byId.get(total.id)!, value: total.value }));
  }

  @Authorized(Access.SCREEN)
  @Query(() => [ColdHub], { description: 'Hubs visited much less than others of their size over [from, to), least first' })
  async coldHubs(@Args() { from, to, threshold }: ColdHubsArgs, @Ctx() context: HubContext): Promise<ColdHub[]> {
    const hubs = await hubsOf(context);
    const byId = new Map(hubs.map((hub) => [hub.id, hub]));
    return coldHubs(await periodTotals(context, hubs, from, to, RankBy.FOOTFALL), threshold ?? 0.5).map((cold) => ({
      hub: byId.get(cold.id)!,
      footfall: cold.value,
      footfallPerCapacity: cold.perCapacity,
      shareOfMedian: cold.shareOfMedian,
    }));
  }
}

function hubsOf(context: HubContext, street?: string): Promise<Hub[]> {
  return context.services.sources.get(CIVIL).getRepository(Hub).find({ where: street ? { street } : {}, order: { id: 'ASC' } });
}

async function periodTotals(context: HubContext, hubs: readonly Hub[], from: Date, to: Date, by: RankBy): Promise<HubTotal[]> {
  const sums = await rollupTotals(context.services.sources.get(HUB_SOURCE), from, to);
  return hubs.map((hub) => {
    const sum = sums.get(hub.id);
    return { id: hub.id, capacity: hub.capacity, value: sum ? (by === RankBy.MEALS ? sum.meals : sum.entered) : 0 };
  });
}
