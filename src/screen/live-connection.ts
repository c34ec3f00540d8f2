import { createClient, type Client } from 'graphql-ws';
import { AREA_METRICS, HUB_METRICS } from './screen-queries';
import type { HubMetrics, LiveMetric } from './screen-types';

/** What the wall shows about its link to the hub. */
export type LiveState =
  | { kind: 'connecting' }
  | { kind: 'live' }
  /** The socket dropped; `retryAt` is when the next attempt starts (null while one is under way). */
  | { kind: 'lost'; since: number; attempt: number; retryAt: number | null }
  /** The hub refused the key (unknown, revoked) or it is not a SCREEN key: retrying would not help. */
  | { kind: 'refused'; reason: 'key' | 'role' };

export interface LiveOptions {
  url: string;
  key: string;
  /** The hubs the wall shows (null: every hub). */
  hubIds: string[] | null;
  /** The area whose totals the wall shows: a district (null: every hub), or one street of it. */
  district: string | null;
  street: string | null;
  onMetrics(metrics: HubMetrics): void;
  /** The totals of every hub, as the hub makes them. */
  onAreaMetrics(metrics: LiveMetric[], staleDepartments: string[]): void;
  onState(state: LiveState): void;
  /** After a reconnection: what the page loaded over HTTP may have missed something. */
  onReconnected(): void;
}

// The hub closes a socket with 4403 for a key it does not accept, 4401 when none was sent.
const KEY_REFUSED = new Set([4401, 4403]);
const PING_EVERY_MS = 10_000;
/** A cable pulled raises no error: a ping without its pong within this long counts as a drop. */
const PONG_WITHIN_MS = 5_000;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * One graphql-ws connection for the whole wall, with two subscriptions (every hub's counters, and their totals).
 * After a drop it retries for ever, with exponential back-off and jitter (so that 58 screens do
 * not all come back in the same second after an outage); the hub's first messages after a
 * reconnection are the current state, so nothing is stale once it is back.
 */
export function openLiveConnection(options: LiveOptions): { close(): void } {
  let state: LiveState = { kind: 'connecting' };
  let attempt = 0;
  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let connectedOnce = false;
  const set = (next: LiveState) => {
    state = next;
    options.onState(next);
  };
  const lost = (retryAt: number | null) => {
    const since = state.kind === 'lost' ? state.since : Date.now();
    set({ kind: 'lost', since, attempt, retryAt });
  };

  const client: Client = createClient({
    url: options.url,
    connectionParams: { authorization: `Bearer ${options.key}` },
    lazy: true,
    keepAlive: PING_EVERY_MS,
    retryAttempts: Infinity,
    shouldRetry: (event) => !(isCloseEvent(event) && KEY_REFUSED.has(event.code)),
    retryWait: async (retries) => {
      attempt = retries + 1;
      const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** retries) * (0.5 + Math.random() * 0.5);
      lost(Date.now() + wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
      lost(null);
    },
    on: {
      opened: (opened) => {
        socket = opened as WebSocket;
      },
      connected: (_socket, _payload, wasRetry) => {
        attempt = 0;
        set({ kind: 'live' });
        if (wasRetry || connectedOnce) options.onReconnected();
        connectedOnce = true;
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          const dead = socket;
          lost(null);
          // Close it ourselves: graphql-ws then reconnects as after any other drop.
          if (dead && dead.readyState === WebSocket.OPEN) dead.close(4408, 'no pong from the hub');
        }, PONG_WITHIN_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        socket = null;
        if (isCloseEvent(event) && KEY_REFUSED.has(event.code)) set({ kind: 'refused', reason: 'key' });
        else if (state.kind === 'live') lost(null);
      },
    },
  });

  // An operation the hub ended (an error that is not a refusal, e.g. RATE_LIMITED) is asked for again, later.
  let again: ReturnType<typeof setTimeout> | undefined;
  const refused = (reason: 'key' | 'role') => {
    clearTimeout(again);
    set({ kind: 'refused', reason });
  };
  const subscribeLater = () => {
    if (state.kind === 'refused') return;
    clearTimeout(again);
    again = setTimeout(subscribe, LONGEST_RETRY_MS);
  };
  const stops: (() => void)[] = [];
  const subscribe = () => {
    for (const stopOne of stops.splice(0)) stopOne();
    stops.push(follow<{ hubMetrics: HubMetrics }>(HUB_METRICS, { hubIds: options.hubIds }, (data) => options.onMetrics(data.hubMetrics)));
    type Area = { metrics: LiveMetric[]; staleDepartments: string[]; byStreet?: { street: string; metrics: LiveMetric[] }[] };
    stops.push(
      follow<{ districtOverview: Area }>(AREA_METRICS, { district: options.district, withStreets: options.street !== null }, ({ districtOverview: area }) => {
        const metrics = options.street === null ? area.metrics : area.byStreet?.find((line) => line.street === options.street)?.metrics;
        if (metrics) options.onAreaMetrics(metrics, area.staleDepartments);
      }),
    );
  };
  function follow<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void): () => void {
    return client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.data) onData(result.data as T);
          const code = result.errors?.[0]?.extensions?.code;
          if (code === 'UNAUTHENTICATED') refused('key');
          else if (code === 'FORBIDDEN') refused('role');
        },
        error: (error) => {
          const codes = Array.isArray(error) ? error.map((e) => e?.extensions?.code) : [];
          if ((isCloseEvent(error) && KEY_REFUSED.has(error.code)) || codes.includes('UNAUTHENTICATED')) refused('key');
          else if (codes.includes('FORBIDDEN')) refused('role');
          else subscribeLater();
        },
        complete: subscribeLater,
      },
    );
  }
  subscribe();

  return {
    close() {
      clearTimeout(again);
      for (const stopOne of stops) stopOne();
      void client.dispose();
    },
  };
}

function isCloseEvent(value: unknown): value is CloseEvent {
  return typeof value === 'object' && value !== null && 'code' in value && typeof (value as CloseEvent).code === 'number';
}
