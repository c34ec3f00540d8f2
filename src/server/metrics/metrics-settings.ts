import { readOptionalInt, readSecret, type Env } from '../../core/env-setting';

/** GET /metrics (docs/operations.md). */
export interface MetricsSettings {
  /** METRICS_PORT: a port of its own for /metrics; unset, it is served on the main port. */
  port?: number;
  /** METRICS_TOKEN: the bearer token a scraper sends; unset, only loopback callers are answered. */
  token?: string;
}

export function readMetricsSettings(env: Env): MetricsSettings {
  return { port: readOptionalInt(env, 'METRICS_PORT', { min: 0, max: 65535 }), token: readSecret(env, 'METRICS_TOKEN', 16) };
}
