import { ConfigError } from '../../core/config-error';
import { readInt, readString, type Env } from '../../core/env-setting';
import { MAX_PAGE_SIZE } from '../../core/pagination/page-size';

/** The bounds every request and socket is held to; each is one environment variable. */
export interface RequestLimits {
  /** MAX_QUERY_DEPTH: how deeply selections may nest. */
  maxDepth: number;
  /** MAX_QUERY_COST: graphql-armor's cost, in which a list field costs its children times its `first`. */
  maxCost: number;
  /** MAX_PAGE_SIZE: the largest `first` any field accepts (the resolvers never return more than 100). */
  maxPageSize: number;
  /** MAX_ALIASES: aliases in one operation. */
  maxAliases: number;
  /** MAX_DIRECTIVES: directives in one operation. */
  maxDirectives: number;
  /** MAX_QUERY_TOKENS: lexical tokens in one document, checked while parsing. */
  maxTokens: number;
  /** MAX_BATCH_OPERATIONS: operations in one batched HTTP request; 1 turns batching off. */
  maxBatchOperations: number;
  /** MAX_BODY_KB: the largest HTTP request body. */
  maxBodyBytes: number;
  /** MAX_INGEST_BODY_KB: the largest body from a DEPARTMENT key (a recordFootfall batch of 5,000 readings is ~450 KB). */
  maxIngestBodyBytes: number;
  /** MAX_SUBSCRIPTIONS_PER_SOCKET: operations one WebSocket may have running at once. */
  maxSubscriptionsPerSocket: number;
  /** WS_INIT_TIMEOUT_MS: how long a socket may wait before sending connection_init. */
  connectionInitTimeoutMs: number;
  rateLimit: RateLimitSettings;
}

/** A token bucket per API key, resident or (for anonymous callers) IP address. */
export interface RateLimitSettings {
  /** RATE_LIMIT_PER_SECOND: the sustained rate; 0 turns rate limiting off. */
  perSecond: number;
  /** RATE_LIMIT_BURST: operations allowed above the sustained rate, refilled over 10 s. */
  burst: number;
  /** RATE_LIMIT_KEY_PREFIX: prefix of the buckets' keys in Redis (several deployments may share one). */
  keyPrefix: string;
  /** TRUST_PROXY_HOPS: reverse proxies in front of the hub whose X-Forwarded-For is believed. */
  proxyHops: number;
}

export function readRequestLimits(env: Env): RequestLimits {
  return {
    maxDepth: readInt(env, 'MAX_QUERY_DEPTH', 10, { min: 2, max: 100 }),
    maxCost: readInt(env, 'MAX_QUERY_COST', 20_000, { min: 10, max: 10_000_000 }),
    maxPageSize: readInt(env, 'MAX_PAGE_SIZE', MAX_PAGE_SIZE, { min: 1, max: MAX_PAGE_SIZE }),
    maxAliases: readInt(env, 'MAX_ALIASES', 15, { min: 0, max: 1_000 }),
    maxDirectives: readInt(env, 'MAX_DIRECTIVES', 50, { min: 0, max: 1_000 }),
    maxTokens: readInt(env, 'MAX_QUERY_TOKENS', 2_000, { min: 50, max: 1_000_000 }),
    maxBatchOperations: readInt(env, 'MAX_BATCH_OPERATIONS', 10, { min: 1, max: 100 }),
    maxBodyBytes: readInt(env, 'MAX_BODY_KB', 100, { min: 1, max: 100 * 1024 }) * 1024,
    maxIngestBodyBytes: readInt(env, 'MAX_INGEST_BODY_KB', 768, { min: 1, max: 100 * 1024 }) * 1024,
    maxSubscriptionsPerSocket: readInt(env, 'MAX_SUBSCRIPTIONS_PER_SOCKET', 50, { min: 1, max: 10_000 }),
    connectionInitTimeoutMs: readInt(env, 'WS_INIT_TIMEOUT_MS', 3_000, { min: 100, max: 600_000 }),
    rateLimit: {
      perSecond: readInt(env, 'RATE_LIMIT_PER_SECOND', 20, { min: 0, max: 1_000_000 }),
      burst: readInt(env, 'RATE_LIMIT_BURST', 100, { min: 0, max: 1_000_000 }),
      keyPrefix: readRateLimitPrefix(env),
      proxyHops: readInt(env, 'TRUST_PROXY_HOPS', 0, { min: 0, max: 10 }),
    },
  };
}

function readRateLimitPrefix(env: Env): string {
  const prefix = readString(env, 'RATE_LIMIT_KEY_PREFIX', 'xfh:rate');
  if (!/^[A-Za-z0-9:_.-]{1,60}$/.test(prefix)) {
    throw new ConfigError('RATE_LIMIT_KEY_PREFIX', `"${prefix}" must be up to 60 letters, digits, ":", "_", "." or "-"`);
  }
  return prefix;
}
