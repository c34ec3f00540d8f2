/** What the bench asks the hub's process (bench/process/hub-probe.ts) over IPC, and its answers. */
export type ProbeCommand =
  | { id: number; cmd: 'drain' }
  | { id: number; cmd: 'kick'; feed: string }
  | { id: number; cmd: 'footfall' }
  | { id: number; cmd: 'hubMetrics'; hubId: number }
  /** Answers `armed` at once, then `reached` when footfall today has grown by `by`. */
  | { id: number; cmd: 'watchFootfall'; by: number; timeoutMs: number }
  | { id: number; cmd: 'key'; role: string; department?: string }
  /** RSS, heap and external bytes after a forced full GC. */
  | { id: number; cmd: 'memory' }
  | { id: number; cmd: 'cpu' }
  /** The event loop's delay since the last `loopDelay` (ms: p50, p99, max), then starts again. */
  | { id: number; cmd: 'loopDelay' }
  /** A CPU profile of the hub's process (node:inspector), from `profileStart` until `profileStop` writes it to `file`. */
  | { id: number; cmd: 'profileStart' }
  | { id: number; cmd: 'profileStop'; file: string };

export type ProbeReply =
  | { id: 0; kind: 'ready'; port: number }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'armed' }
  /** `at`: wall-clock ms (performance.timeOrigin + performance.now()), comparable across processes. */
  | { id: number; kind: 'reached'; at: number }
  | { id: number; kind: 'value'; value: unknown }
  | { id: number; kind: 'error'; message: string };

/** Distributes ProbeCommand without its id. */
export type ProbeRequest = ProbeCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;
