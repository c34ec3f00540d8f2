import { Gauge, type Registry } from 'prom-client';
import type { SourceRegistry } from '../../core/data-sources/source-registry';

/** mysql2's pool keeps these counts in fields of its own; read defensively, they are not its public API. */
interface Mysql2PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/** Per data source: whether it answers now, and how its connection pool is used (MySQL sources). */
export function registerSourceGauges(registry: Registry, sources: SourceRegistry): void {
  new Gauge({
    name: 'xingfu_hub_source_up',
    help: 'Whether the data source answers a trivial query (1) or not (0), checked when scraped',
    labelNames: ['source'],
    registers: [registry],
    async collect() {
      const up = await Promise.all(sources.names.map((name) => sources.ping(name)));
      sources.names.forEach((name, i) => this.set({ source: name }, up[i] ? 1 : 0));
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
