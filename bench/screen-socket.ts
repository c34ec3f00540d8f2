import WebSocket from 'ws';

/** The id every bench socket gives its one subscription (the fan-out's envelope starts with it). */
export const SUBSCRIPTION_ID = '1';
const NEXT_PREFIX = `{"id":"${SUBSCRIPTION_ID}","type":"next"`;

export interface ScreenSocketOptions {
  /** ws://host:port/graphql */
  url: string;
  /** `Bearer <key>`, sent in connectionParams as a screen does. */
  authorization?: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Each `next` message as received, and when (`performance.timeOrigin + performance.now()`, ms). */
  onNext(text: string, arrivedAt: number): void;
  /** The subscription ended (closed, refused, completed); called once. */
  onEnd(reason: string): void;
}

/**
 * A wall screen's socket, reduced to what a benchmark client needs: graphql-transport-ws over
 * a plain `ws` client (connection_init with the key, one subscribe, pongs), handing each `next`
 * over as text without parsing it. Thousands fit in one process, and the client's own cost
 * stays small and the same for the hub and for the baseline.
 */
export function openScreenSocket(options: ScreenSocketOptions): WebSocket {
  const socket = new WebSocket(options.url, 'graphql-transport-ws', { perMessageDeflate: false });
  let ended = false;
  const end = (reason: string) => {
    if (ended) return;
    ended = true;
    options.onEnd(reason);
  };
  socket.on('open', () => {
    socket.send(JSON.stringify({ type: 'connection_init', payload: options.authorization ? { authorization: options.authorization } : {} }));
  });
  socket.on('message', (data) => {
    const arrivedAt = performance.timeOrigin + performance.now();
    const text = data.toString();
    if (text.startsWith(NEXT_PREFIX)) {
      options.onNext(text, arrivedAt);
      return;
    }
    const message = JSON.parse(text) as { type?: string; payload?: unknown };
    if (message.type === 'connection_ack') {
      socket.send(JSON.stringify({ id: SUBSCRIPTION_ID, type: 'subscribe', payload: { query: options.query, variables: options.variables ?? {} } }));
    } else if (message.type === 'ping') {
      socket.send('{"type":"pong"}');
    } else if (message.type === 'error' || message.type === 'complete') {
      end(`${message.type}: ${JSON.stringify(message.payload ?? null).slice(0, 200)}`);
      socket.close();
    }
  });
  socket.on('close', (code, reason) => end(`closed ${code} ${reason.toString()}`.trim()));
  socket.on('error', (error) => end(`socket error: ${error.message}`));
  return socket;
}

/** `updatedAt` of a hubMetrics message, in ms since the epoch (NaN when absent). */
export function updatedAtOf(text: string): number {
  const at = text.lastIndexOf('"updatedAt":"');
  return at < 0 ? NaN : Date.parse(text.slice(at + 13, text.indexOf('"', at + 13)));
}

export const HUB_METRICS = /* GraphQL */ `subscription Metrics($hubIds: [ID!]) { hubMetrics(hubIds: $hubIds) { hubId occupancy crowdLevel footfallToday activitiesToday mealsToday updatedAt } }`;

export interface HubMetricsValues {
  hubId: number;
  occupancy: number;
  crowdLevel: string;
  footfallToday: number;
  activitiesToday: number;
  mealsToday: number;
  updatedAt: Date;
}

/** A hubMetrics `next` payload in the hub's field order (the selection's order), as the baselines send it. */
export function hubMetricsPayload(v: HubMetricsValues): string {
  const { hubId, occupancy, crowdLevel, footfallToday, activitiesToday, mealsToday, updatedAt } = v;
  return JSON.stringify({ data: { hubMetrics: { hubId: String(hubId), occupancy, crowdLevel, footfallToday, activitiesToday, mealsToday, updatedAt: updatedAt.toISOString() } } });
}
