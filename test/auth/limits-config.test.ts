import { configErrorOf as errorOf, DEPARTMENTS } from '../helpers/config-error-of';
import { loadConfig } from '../../src/config';
import { readRequestLimits } from '../../src/server/limits/request-limits';

describe('limits and access settings from the environment', () => {
  it('defaults to the documented limits, introspection on', () => {
    const config = loadConfig({}, DEPARTMENTS);
    expect(config.introspection).toBe(true);
    expect(readRequestLimits(config.env)).toEqual({
      maxDepth: 10,
      maxCost: 20_000,
      maxPageSize: 100,
      maxAliases: 15,
      maxDirectives: 50,
      maxTokens: 2_000,
      maxBatchOperations: 10,
      maxBodyBytes: 100 * 1024,
      maxIngestBodyBytes: 768 * 1024,
      maxSubscriptionsPerSocket: 50,
      connectionInitTimeoutMs: 3_000,
      rateLimit: { perSecond: 20, burst: 100, keyPrefix: 'xfh:rate', proxyHops: 0 },
    });
  });

  it('reads each limit from its variable', () => {
    const config = loadConfig(
      {
        INTROSPECTION: 'off',
        MAX_QUERY_DEPTH: '7',
        MAX_QUERY_COST: '5000',
        MAX_PAGE_SIZE: '50',
        MAX_ALIASES: '3',
        MAX_DIRECTIVES: '4',
        MAX_QUERY_TOKENS: '800',
        MAX_BATCH_OPERATIONS: '1',
        MAX_BODY_KB: '20',
        MAX_INGEST_BODY_KB: '512',
        MAX_SUBSCRIPTIONS_PER_SOCKET: '5',
        WS_INIT_TIMEOUT_MS: '1500',
        RATE_LIMIT_PER_SECOND: '0',
        RATE_LIMIT_BURST: '9',
        RATE_LIMIT_KEY_PREFIX: 'xfh:staging:rate',
        TRUST_PROXY_HOPS: '1',
      },
      DEPARTMENTS,
    );
    expect(config.introspection).toBe(false);
    expect(readRequestLimits(config.env)).toEqual({
      maxDepth: 7,
      maxCost: 5000,
      maxPageSize: 50,
      maxAliases: 3,
      maxDirectives: 4,
      maxTokens: 800,
      maxBatchOperations: 1,
      maxBodyBytes: 20 * 1024,
      maxIngestBodyBytes: 512 * 1024,
      maxSubscriptionsPerSocket: 5,
      connectionInitTimeoutMs: 1500,
      rateLimit: { perSecond: 0, burst: 9, keyPrefix: 'xfh:staging:rate', proxyHops: 1 },
    });
  });

  it.each([
    [{ MAX_QUERY_DEPTH: 'deep' }, 'MAX_QUERY_DEPTH: "deep" is not a whole number'],
    [{ MAX_PAGE_SIZE: '500' }, 'MAX_PAGE_SIZE: 500 is outside 1..100'],
    [{ MAX_BODY_KB: '0' }, 'MAX_BODY_KB: 0 is outside 1..102400'],
    [{ MAX_INGEST_BODY_KB: 'lots' }, 'MAX_INGEST_BODY_KB: "lots" is not a whole number'],
    [{ MAX_SUBSCRIPTIONS_PER_SOCKET: '-1' }, 'MAX_SUBSCRIPTIONS_PER_SOCKET: -1 is outside 1..10000'],
    [{ WS_INIT_TIMEOUT_MS: '3s' }, 'WS_INIT_TIMEOUT_MS: "3s" is not a whole number'],
    [{ RATE_LIMIT_PER_SECOND: '1.5' }, 'RATE_LIMIT_PER_SECOND: "1.5" is not a whole number'],
    [{ RATE_LIMIT_KEY_PREFIX: 'has space' }, 'RATE_LIMIT_KEY_PREFIX: "has space" must be up to 60 letters, digits, ":", "_", "." or "-"'],
    [{ INTROSPECTION: 'sometimes' }, 'INTROSPECTION: "sometimes" is not on or off'],
  ])('refuses %j in one line naming the variable', (env, message) => {
    expect(errorOf(env)).toBe(message);
  });
});
