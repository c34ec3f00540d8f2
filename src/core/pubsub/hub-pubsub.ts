import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import Redis from 'ioredis';

/**
 * The pub/sub engine live events travel on. In one process it is in memory; with several
 * instances it is carried by Redis, so an event published on one reaches all.
 */
export type HubPubSub = ReturnType<typeof createPubSub<Record<string, [unknown]>>>;

export interface PubSubEngine {
  pubSub: HubPubSub;
  /** `in-process` or `redis`. */
  kind: 'in-process' | 'redis';
  /** A Redis connection for other uses (leases), when on Redis. */
  redis?: Redis;
  close(): Promise<void>;
}

export function createInProcessPubSub(): HubPubSub {
  return createPubSub<Record<string, [unknown]>>();
}

export function inProcessEngine(): PubSubEngine {
  return { pubSub: createInProcessPubSub(), kind: 'in-process', async close() {} };
}

/**
 * Pub/sub over Redis. Channels are `prefix + topic`, so that several deployments (or test runs)
 * can share one Redis. Resolves once both clients are ready: a subscribe before that fails
 * with "Connection in subscriber mode".
 */
export async function redisEngine(url: string, prefix: string): Promise<PubSubEngine> {
  const options = { maxRetriesPerRequest: null, lazyConnect: true } as const;
  const publishClient = new Redis(url, options);
  const subscribeClient = new Redis(url, options);
  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  } catch (error) {
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw new Error(`Redis at ${url.replace(/:[^:@/]*@/, ':***@')} cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  const target = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  // The event target only reads `type` and `detail`; prefixing them keeps topic names short in code.
  const prefixed: typeof target = {
    addEventListener: (topic, listener) => target.addEventListener(prefix + topic, listener),
    removeEventListener: (topic, listener) => target.removeEventListener(prefix + topic, listener),
    dispatchEvent: (event) => target.dispatchEvent({ type: prefix + event.type, detail: (event as CustomEvent).detail } as CustomEvent),
  };
  return {
    pubSub: createPubSub<Record<string, [unknown]>>({ eventTarget: prefixed }),
    kind: 'redis',
    redis: publishClient,
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
