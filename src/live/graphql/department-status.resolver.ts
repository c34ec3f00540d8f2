import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Access } from '../../core/auth/access';
import type { HubContext } from '../../core/graphql/hub-context';
import { liveOf } from './live-of';
import { DepartmentState, DepartmentStatus } from './live-types';

@Resolver()
export class DepartmentStatusResolver {
  @Authorized(Access.SCREEN)
  @Query(() => [DepartmentStatus], { description: 'Each department: whether its database answers, and how far behind its feeds are' })
  async departments(@Ctx() context: HubContext): Promise<DepartmentStatus[]> {
    const live = liveOf(context);
    const statuses = await live.status();
    return Promise.all(
      live.modules.map(async (m) => {
        const feeds = statuses.filter((s) => s.department === m.name).map((s) => ({ ...s, name: s.feed }));
        const lags = feeds.map((f) => f.lagSeconds).filter((l): l is number => l !== null);
        return {
          name: m.name,
          title: m.title,
          status: (await context.services.sources.ping(m.name)) ? DepartmentState.UP : DepartmentState.DOWN,
          feedLagSeconds: lags.length > 0 ? Math.max(...lags) : null,
          feeds,
        };
      }),
    );
  }
}
