import { Gauge, type Registry } from 'prom-client';
import type { SourceRegistry } from '../../core/data-sources/source-registry';

/** mysql2's pool keeps these counts in fields of its own; read defensively, they are not its public API. */
interface Mysql2PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

const BREAKER_VALUES = { closed: 0, halfOpen: 1, open: 2 } as const;

/** Per data source: whether it answers now, and how its connection pool is used (MySQL sources). */
export function registerSourceGauges(registry: Registry, sources: SourceRegistry): void {
  new Gauge({
    name: 'xingfu_hub_source_up',
    help: 'Whether the data source is up (1) or down (0), by its health check (every DB_CHECK_MS) and its circuit breaker',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      for (const name of sources.names) this.set({ source: name }, sources.isUp(name) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'xingfu_hub_source_breaker_state',
    help: "A data source's circuit breaker: 0 closed (calls go through), 1 half-open (a probe is out), 2 open (calls refused at once)",
    labelNames: ['source'],
    registers: [registry],
    collect() {
      for (const name of sources.names) this.set({ source: name }, BREAKER_VALUES[sources.health(name).breaker]);
    },
  });
  new Gauge({
    name: 'xingfu_hub_source_pool_connections',
    help: 'Connections of a MySQL source pool: open (busy or idle), idle, waiting (requests queued for one), limit',
    labelNames: ['source', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const name of sources.names) {
        const pool = poolOf(sources, name);
        if (!pool?._allConnections || !pool._freeConnections) continue;
        this.set({ source: name, state: 'open' }, pool._allConnections.length);
        this.set({ source: name, state: 'idle' }, pool._freeConnections.length);
        this.set({ source: name, state: 'waiting' }, pool._connectionQueue?.length ?? 0);
        if (pool.config?.connectionLimit) this.set({ source: name, state: 'limit' }, pool.config.connectionLimit);
      }
    },
  });
}

function poolOf(sources: SourceRegistry, name: string): Mysql2PoolInternals | undefined {
  try {
    const source = sources.get(name);
    return source.options.type === 'mysql' || source.options.type === 'mariadb' ? ((source.driver as unknown as { pool?: Mysql2PoolInternals }).pool ?? undefined) : undefined;
  } catch {
    return undefined; // not open (closing)
  }
}
