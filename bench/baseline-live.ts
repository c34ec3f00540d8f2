import { BaselineWsServer } from './baseline-ws-server';
import { hubMetricsPayload } from './screen-socket';

/**
 * The baseline's "live state": per-hub counters in a Map, each change broadcast at once over a
 * raw ws server (BaselineWsServer) in the hubMetrics message shape. No coalescing, no GraphQL.
 */
export class BaselineLive {
  private readonly counters = new Map<number, { entered: number; exited: number }>();

  private constructor(readonly server: BaselineWsServer) {}

  static async start(hubIds: readonly number[]): Promise<BaselineLive> {
    let live: BaselineLive | undefined;
    const server = await BaselineWsServer.start(() => hubIds.map((id) => live!.payloadOf(id)));
    live = new BaselineLive(server);
    for (const id of hubIds) live.counters.set(id, { entered: 0, exited: 0 });
    return live;
  }

  get url(): string {
    return this.server.url;
  }

  add(rows: readonly { hubId: number; entered: number; exited: number }[]): void {
    const changed = new Set<number>();
    for (const row of rows) {
      const c = this.counters.get(row.hubId) ?? { entered: 0, exited: 0 };
      c.entered += row.entered;
      c.exited += row.exited;
      this.counters.set(row.hubId, c);
      changed.add(row.hubId);
    }
    for (const id of changed) this.server.broadcast(this.payloadOf(id));
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private payloadOf(hubId: number): string {
    const c = this.counters.get(hubId) ?? { entered: 0, exited: 0 };
    return hubMetricsPayload({ hubId, occupancy: Math.max(0, c.entered - c.exited), crowdLevel: 'QUIET', footfallToday: c.entered, activitiesToday: 0, mealsToday: 0, updatedAt: new Date() });
  }
}
