import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { HUB_SOURCE } from '../../config';
import { Access } from '../../core/auth/access';
import type { HubContext } from '../../core/graphql/hub-context';
import { FeedCursor } from '../feeds/feed-cursor.entity';
import { liveOf } from './live-of';
import { DepartmentState, DepartmentStatus } from './live-types';

@Resolver()
export class DepartmentStatusResolver {
  @Authorized(Access.SCREEN)
  @Query(() => [DepartmentStatus], { description: 'Each department: whether its database answers, and how far behind its feeds are' })
  async departments(@Ctx() context: HubContext): Promise<DepartmentStatus[]> {
    const live = liveOf(context);
    const { sources } = context.services;
    const statuses = live.status();
    // Feeds another instance runs: their holder's heartbeat in the hub source tells their lag.
    const cursors = await sources.get(HUB_SOURCE).getRepository(FeedCursor).find().catch(() => [] as FeedCursor[]);
    const now = Date.now();
    return Promise.all(
      live.modules.map(async (m) => {
        const feeds = statuses
          .filter((s) => s.department === m.name)
          .map((s) => {
            const cursor = cursors.find((c) => c.feed === s.feed);
            const lagSeconds = s.runningHere ? s.lagSeconds : cursor ? Math.max(0, (now - cursor.updatedAt.getTime()) / 1000) : null;
            return { name: s.feed, lagSeconds };
          });
        const lags = feeds.map((f) => f.lagSeconds).filter((l): l is number => l !== null);
        return {
          name: m.name,
          title: m.title,
          status: (await sources.ping(m.name)) ? DepartmentState.UP : DepartmentState.DOWN,
          feedLagSeconds: lags.length > 0 ? Math.max(...lags) : null,
          feeds,
        };
      }),
    );
  }
}
