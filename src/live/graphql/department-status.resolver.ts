import { Ctx, Query, Resolver } from 'type-graphql';
import { ApiRole } from '../../core/auth/api-role';
import type { Viewer } from '../../core/auth/viewer';
import { withSource } from '../../core/departments/department-module';
import type { HubContext } from '../../core/graphql/hub-context';
import { REMOTE_DEPARTMENTS } from '../../core/remote/remote-departments';
import { liveOf } from './live-of';
import { DepartmentState, DepartmentStatus } from './live-types';

/** An error's words can name hosts and tables: only the wall's operators and administrators read them. */
function mayReadErrors(viewer: Viewer): boolean {
  return viewer.kind === 'client' && (viewer.role === ApiRole.SCREEN || viewer.role === ApiRole.ADMIN);
}

@Resolver()
export class DepartmentStatusResolver {
  @Query(() => [DepartmentStatus], {
    description: 'Each department: up or down (since when), and how far behind its feeds are. Public; the error texts only for SCREEN and ADMIN keys. Answers at once, from the last health check',
  })
  async departments(@Ctx() context: HubContext): Promise<DepartmentStatus[]> {
    const live = liveOf(context);
    const statuses = await live.status();
    const errors = mayReadErrors(context.viewer);
    const { sources } = context.services;
    // Remote departments (their own GraphQL services) are guarded sources like the others, without feeds.
    const remotes = context.services.registry.find(REMOTE_DEPARTMENTS)?.departments ?? [];
    return [...withSource(live.modules), ...remotes].map((m) => {
      const health = sources.health(m.name);
      const feeds = statuses
        .filter((s) => s.department === m.name)
        .map((s) => ({ ...s, name: s.feed, lastError: errors ? s.lastError : null }));
      const lags = feeds.map((f) => f.lagSeconds).filter((l): l is number => l !== null);
      return {
        name: m.name,
        title: m.title,
        status: health.up ? DepartmentState.UP : DepartmentState.DOWN,
        downSince: health.downSince,
        lastError: errors ? health.lastError : null,
        feedLagSeconds: lags.length > 0 ? Math.max(...lags) : null,
        feeds,
      };
    });
  }
}
