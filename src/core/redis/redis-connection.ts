import Redis, { type RedisOptions } from 'ioredis';
import { ConfigError } from '../config-error';
import type { Logger } from '../logging/logger';

/** A Redis URL as it may be logged: the password, if any, replaced. */
export function maskRedisUrl(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}

/**
 * Opens a client and waits until it is ready. When Redis does not answer, the hub does not
 * start: the error names REDIS_URL and the reason the socket gave ("connect ECONNREFUSED …"),
 * not ioredis's "Connection is closed".
 */
export async function connectRedis(url: string, options: RedisOptions = {}): Promise<Redis> {
  const client = new Redis(url, { ...options, lazyConnect: true, retryStrategy: () => null });
  let reason = 'no answer';
  const remember = (error: Error) => {
    reason = error.message;
  };
  client.on('error', remember);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new ConfigError('REDIS_URL', `no Redis answers at ${maskRedisUrl(url)} (${reason === 'no answer' && error instanceof Error ? error.message : reason})`);
  }
  client.off('error', remember);
  // Connected: from now on, reconnect after a drop as ioredis does by default.
  client.options.retryStrategy = (times) => Math.min(times * 200, 2_000);
  return client;
}

/**
 * Logs a client's outages, one line when it stops answering and one when it answers again, not
 * one per reconnection attempt; also keeps ioredis from printing "Unhandled error event".
 */
export function reportOutages(client: Redis, logger: Logger, what: string, consequence: string): void {
  let answering = true;
  client.on('error', (error: Error) => {
    if (answering) logger.warn(`${what}: Redis does not answer (${error.message}); ${consequence}`);
    answering = false;
  });
  client.on('ready', () => {
    if (!answering) logger.info(`${what}: Redis answers again`);
    answering = true;
  });
}

/** QUIT when Redis answers (pending replies arrive first); during an outage, just drop the socket. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => undefined);
  client.disconnect();
}
