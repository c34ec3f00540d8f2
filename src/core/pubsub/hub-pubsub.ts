import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import type Redis from 'ioredis';
import type { Logger } from '../logging/logger';
import { closeRedis, connectRedis, reportOutages } from '../redis/redis-connection';

/**
 * The pub/sub engine live events travel on. In one process it is in memory; with several
 * instances it is carried by Redis, so an event published on one reaches all.
 */
export type HubPubSub = ReturnType<typeof createPubSub<Record<string, [unknown]>>>;

export interface PubSubEngine {
  pubSub: HubPubSub;
  /** `in-process` or `redis`. */
  kind: 'in-process' | 'redis';
  /**
   * When on Redis, a connection for commands (feed leases, rate-limit buckets). It queues
   * nothing: during an outage a command fails at once, so that no caller waits for Redis.
   */
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
 * can share one Redis. Resolves once the clients are ready: a subscribe before that fails
 * with "Connection in subscriber mode". After a drop they reconnect; the subscriber subscribes
 * again, and what is published meanwhile waits in the publisher's queue.
 */
export async function redisEngine(url: string, prefix: string, logger: Logger): Promise<PubSubEngine> {
  const clients: Redis[] = [];
  try {
    const queued = { maxRetriesPerRequest: null } as const;
    const publishClient = await connectRedis(url, queued).then((c) => (clients.push(c), c));
    const subscribeClient = await connectRedis(url, queued).then((c) => (clients.push(c), c));
    const commands = await connectRedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }).then((c) => (clients.push(c), c));
    reportOutages(publishClient, logger, 'live events', 'events wait until it answers');
    // The same outage, seen by the other clients: reported once above, and by their users.
    subscribeClient.on('error', () => undefined);
    commands.on('error', () => undefined);

    const target = createRedisEventTarget<CustomEvent>({ publishClient: quietPublisher(publishClient), subscribeClient: quietSubscriber(subscribeClient) });
    // The event target only reads `type` and `detail`; prefixing them keeps topic names short in code.
    const prefixed: typeof target = {
      addEventListener: (topic, listener) => target.addEventListener(prefix + topic, listener),
      removeEventListener: (topic, listener) => target.removeEventListener(prefix + topic, listener),
      dispatchEvent: (event) => target.dispatchEvent({ type: prefix + event.type, detail: (event as CustomEvent).detail } as CustomEvent),
    };
    return {
      pubSub: createPubSub<Record<string, [unknown]>>({ eventTarget: prefixed }),
      kind: 'redis',
      redis: commands,
      async close() {
        await Promise.all(clients.map(closeRedis));
      },
    };
  } catch (error) {
    for (const client of clients) client.disconnect();
    throw error;
  }
}

// The event target neither awaits nor catches publish/subscribe; a command still queued when the
// hub stops would reject with nobody listening. These hand it only the calls it makes, caught.
const ignore = () => undefined;

function quietPublisher(client: Redis): Redis {
  return { publish: (channel: string, message: string) => client.publish(channel, message).catch(ignore) } as unknown as Redis;
}

function quietSubscriber(client: Redis): Redis {
  return {
    on: (event: string, listener: (...args: unknown[]) => void) => client.on(event, listener),
    subscribe: (channel: string) => client.subscribe(channel).catch(ignore),
    unsubscribe: (channel: string) => client.unsubscribe(channel).catch(ignore),
  } as unknown as Redis;
}
