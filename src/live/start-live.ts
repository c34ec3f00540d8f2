import type { ExecutionArgs, ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { HUB_SOURCE } from '../core/data-sources/hub-source-name';
import type { Viewer } from '../core/auth/viewer';
import { FEED_SIGNALS } from '../core/departments/change-feed';
import { serviceKey } from '../core/services/service-registry';
import type { DepartmentModule } from '../core/departments/department-module';
import { createHubContext } from '../core/graphql/create-context';
import type { HubContext, HubServices } from '../core/graphql/hub-context';
import type { Logger } from '../core/logging/logger';
import type { PubSubEngine } from '../core/pubsub/hub-pubsub';
import { SubscriptionFanOut } from './fan-out/subscription-fan-out';
import type { Subscriber } from './fan-out/subscriber';
import { InProcessLeases, type FeedLeases } from './leases/feed-lease';
import { MysqlLeases } from './leases/mysql-leases';
import { RedisLeases } from './leases/redis-leases';
import { LiveBus } from './live-bus';
import { LIVE, LiveService } from './live-service';
import type { LiveSettings } from './live-settings';
import { SimulationDriver } from './simulation-driver';
import { RetentionJob } from './feeds/retention-job';

/** What graphql-ws needs from the live side: one execution per event per distinct operation. */
export interface SubscriptionSharing {
  bind(context: HubContext, subscriber: Subscriber): HubContext;
  subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;
}

/** The shared subscription execution, for its counters (tests, the benchmark). */
export const SHARING = serviceKey<SubscriptionFanOut<HubContext>>('subscriptionSharing');

export interface RunningLive {
  service: LiveService;
  fanOut: SubscriptionFanOut<HubContext>;
  stop(): Promise<void>;
}


/** Redis when instances share one; MySQL named locks when they share a MySQL hub source; else this process alone. */
function leasesFor(options: LiveOptions): FeedLeases {
  const { settings, services, engine, redisPrefix } = options;
  if (engine.redis) return new RedisLeases(engine.redis, redisPrefix, settings.feedLeaseMs);
  if (services.sources.config(HUB_SOURCE).driver === 'mysql') return new MysqlLeases(services.sources.get(HUB_SOURCE), redisPrefix);
  return new InProcessLeases();
}

function roleOf(context: HubContext): string {
  const viewer: Viewer = context.viewer;
  if (viewer.kind !== 'client') return viewer.kind;
  return `client:${viewer.role}:${viewer.department ?? ''}:${viewer.hubId ?? ''}`;
}

export interface LiveOptions {
  settings: LiveSettings;
  /** Prefix of the lease keys (REDIS_PREFIX): several deployments may share a Redis or a MySQL server. */
  redisPrefix: string;
  /** Runs the departments' simulators (demo). */
  simulator: boolean;
  modules: readonly DepartmentModule[];
  services: HubServices;
  engine: PubSubEngine;
  logger: Logger;
  /** How errors leave the hub; subscription results are serialized here, not by graphql-ws. */
  formatError?: (error: GraphQLError) => GraphQLFormattedError;
}

/** Rebuilds the live state, starts the feeds (and the simulator when on), and registers the live services. */
export async function startLive(options: LiveOptions): Promise<RunningLive> {
  const { settings, modules, services, engine, logger } = options;
  const bus = new LiveBus(engine.pubSub);
  const service = await LiveService.start({ settings, modules, sources: services.sources, bus, leases: leasesFor(options), logger });
  services.registry.set(LIVE, service);
  services.registry.set(FEED_SIGNALS, { kick: (feed) => service.kick(feed) });
  const fanOut = new SubscriptionFanOut<HubContext>({
    intervalMs: settings.pushIntervalMs,
    softLimitBytes: settings.socketSoftLimitBytes,
    hardLimitBytes: settings.socketHardLimitBytes,
    roleOf,
    freshContext: (context) => createHubContext(services, context.viewer),
    formatError: options.formatError,
  });
  services.registry.set(SHARING, fanOut);
  const simulator = options.simulator ? new SimulationDriver(modules, services.sources, () => service.state.hubList(), logger) : undefined;
  simulator?.start();
  // Its own leases: the feeds' are closed with their service.
  const retentionLeases = leasesFor(options);
  const retention = new RetentionJob(() => services.sources.get(HUB_SOURCE), settings.retention, retentionLeases, logger);
  retention.start();
  return {
    service,
    fanOut,
    async stop() {
      simulator?.stop();
      await retention.stop();
      await retentionLeases.close();
      await fanOut.close();
      await service.stop();
    },
  };
}
