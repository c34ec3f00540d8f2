/** One endpoint the load child calls, the same request each time. */
export interface LoadTarget {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Several bodies, sent in turn (instead of `body`). */
  bodies?: string[];
}

export interface LoadCommand {
  id: number;
  target: LoadTarget;
  connections: number;
  seconds: number;
  /** Requests a second over all connections (open loop); unset: closed loop, as fast as answered. */
  overallRate?: number;
}

export interface LoadSlice {
  /** 2xx answers without `"errors"` in the body. */
  answered: number;
  /** Connection errors, timeouts, non-2xx statuses and answers with errors. */
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export type LoadReply = { id: number; kind: 'result'; result: LoadSlice } | { id: number; kind: 'error'; message: string };
