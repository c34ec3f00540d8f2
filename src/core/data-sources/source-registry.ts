import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { guardQueries, probePastGuard } from './guarded-queries';
import { ExternalSourceWriteError } from './external-write-error';
import { ensureMysqlDatabase } from './mysql-database';
import { checkSourceSchema } from './source-schema-check';
import type { SourceConfig } from './source-config';
import type { SourceDefinition } from './source-definition';
import { SourceDownError } from './source-down-error';
import { SourceGuard, type HealthListener, type SourceHealth } from './source-guard';
import { DEFAULT_SOURCE_GUARD_SETTINGS, type SourceGuardSettings } from './source-guard-settings';
import { SourceUnavailableError } from './source-unavailable-error';

/**
 * The data sources by name: the hub's own and one per department, each behind its guard
 * (timeouts, circuit breaker). A source that is down is reported, refused at once, probed, and
 * opened (and migrated) when it answers again; the rest keep serving.
 */
export class SourceRegistry {
  private readonly sources = new Map<string, DataSource>();
  private readonly guards = new Map<string, SourceGuard>();
  private readonly probes = new Map<string, ReturnType<typeof probePastGuard>>();
  private readonly checking = new Set<string>();
  /** Sources that are not databases (a remote department's service): a probe, and what to do when one answers again. */
  private readonly attached = new Map<string, { probe: () => Promise<void>; comeBack: () => Promise<void> }>();
  private checker: NodeJS.Timeout | undefined;
  private migrate = false;
  private closed = false;

  constructor(
    private readonly configs: Record<string, SourceConfig>,
    private readonly definitions: readonly SourceDefinition[],
    private readonly guardSettings: SourceGuardSettings = DEFAULT_SOURCE_GUARD_SETTINGS,
  ) {
    for (const definition of definitions) {
      if (!configs[definition.name]) throw new Error(`no configuration for the ${definition.name} source`);
      this.guards.set(definition.name, new SourceGuard(definition.name, guardSettings));
    }
  }

  get names(): string[] {
    return [...this.definitions.map((d) => d.name), ...this.attached.keys()];
  }

  /**
   * A source that is not a database, behind a guard like the others (timeouts, breaker, health
   * check every checkMs): /readyz, `departments` and /metrics show it by its name. It starts down;
   * `probe` reaches it, `comeBack` runs before it counts as up again. Attach before `onHealthChange`.
   */
  attach(name: string, probe: () => Promise<void>, comeBack: () => Promise<void>): SourceGuard {
    if (this.guards.has(name)) throw new Error(`the source "${name}" is already registered`);
    const guard = new SourceGuard(name, this.guardSettings);
    this.guards.set(name, guard);
    this.attached.set(name, { probe, comeBack });
    return guard;
  }

  config(name: string): SourceConfig {
    const config = this.configs[name];
    if (!config) throw new Error(`unknown data source "${name}"`);
    return config;
  }

  /** Opens every source (creating a missing SQLite file or MySQL database) and migrates it; any failure throws (the command line). */
  async open(options: { migrate: boolean }): Promise<void> {
    this.migrate = options.migrate;
    for (const definition of this.definitions) {
      try {
        await this.guardOf(definition.name).check(() => this.openOne(definition), async () => undefined, { timed: false });
        if (!this.isUp(definition.name)) throw new Error(this.health(definition.name).lastError ?? 'cannot be opened');
      } catch (error) {
        await this.close();
        throw new SourceUnavailableError(this.config(definition.name), error);
      }
    }
  }

  /**
   * Opens what answers; the `required` sources must (else it throws). The others start down and the
   * health check opens and migrates them when they answer; it also watches every source from now on.
   */
  async openAvailable(options: { migrate: boolean; required: readonly string[] }): Promise<void> {
    this.migrate = options.migrate;
    for (const definition of this.definitions) {
      await this.guardOf(definition.name).check(() => this.openOne(definition), async () => undefined, { timed: false });
      if (!this.isUp(definition.name) && options.required.includes(definition.name)) {
        const reason = this.health(definition.name).lastError ?? 'cannot be opened';
        await this.close();
        throw new SourceUnavailableError(this.config(definition.name), new Error(reason));
      }
    }
    this.checker = setInterval(() => this.checkAll(), this.guardSettings.checkMs);
    this.checker.unref();
  }

  /** The source, for a call that its guard will refuse at once while it is down. */
  get(name: string): DataSource {
    const source = this.sources.get(name);
    if (!source) {
      if (this.guards.has(name)) throw new SourceDownError(name);
      throw new Error(`unknown data source "${name}"`);
    }
    return source;
  }

  /**
   * The source, for work that will write to it: an external source (the department's own
   * database) is refused at once, before any read of that work, with FORBIDDEN naming
   * `<NAME>_DB_EXTERNAL`. (Every write statement to it is refused anyway; this says so first.)
   */
  writable(name: string): DataSource {
    if (this.config(name).external) throw new ExternalSourceWriteError(name);
    return this.get(name);
  }

  /** True when the source is open and its breaker closed: no waiting, it reads the last check. */
  isUp(name: string): boolean {
    return this.guardOf(name).isUp;
  }

  health(name: string): SourceHealth {
    return this.guardOf(name).health();
  }

  /** Called when a source goes down or comes back (migrated). */
  onHealthChange(listener: HealthListener): () => void {
    const stops = [...this.guards.values()].map((g) => g.onChange(listener));
    return () => stops.forEach((stop) => stop());
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.checker);
    const open = [...this.sources.values()];
    this.sources.clear();
    await Promise.allSettled(open.filter((s) => s.isInitialized).map((s) => s.destroy()));
  }

  private guardOf(name: string): SourceGuard {
    const guard = this.guards.get(name);
    if (!guard) throw new Error(`unknown data source "${name}"`);
    return guard;
  }

  /** One check per source at a time: a probe of a source never opened opens it; one that comes back is migrated (when managed). */
  private checkAll(): void {
    for (const definition of this.definitions) {
      const name = definition.name;
      if (this.checking.has(name) || this.closed) continue;
      this.checking.add(name);
      const source = this.sources.get(name);
      const probe = source ? this.probes.get(name)! : undefined;
      const migrateAgain = async () => {
        if (source) await this.prepare(definition.name, source);
      };
      void this.guardOf(name)
        .check(probe ? () => probe.probe() : () => this.openOne(definition), migrateAgain, { abandon: probe?.abandon, timed: probe !== undefined })
        .finally(() => this.checking.delete(name));
    }
    for (const [name, { probe, comeBack }] of this.attached) {
      if (this.checking.has(name) || this.closed) continue;
      this.checking.add(name);
      void this.guardOf(name)
        .check(probe, comeBack)
        .finally(() => this.checking.delete(name));
    }
  }

  /** Before a source serves (at opening, and after an outage): a managed one is migrated, an external one checked. */
  private async prepare(name: string, source: DataSource): Promise<void> {
    if (this.config(name).external) await checkSourceSchema(name, source);
    else if (this.migrate) await source.runMigrations({ transaction: 'each' });
  }

  private async openOne(definition: SourceDefinition): Promise<void> {
    const config = this.config(definition.name);
    let server = { mariadb: false };
    if (config.driver === 'sqlite') {
      if (!config.external) fs.mkdirSync(path.dirname(config.file), { recursive: true });
      else if (!fs.existsSync(config.file)) throw new Error(`${definition.name}: there is no file ${config.file} (an external source is the department's own: the hub does not create it)`);
    } else server = await ensureMysqlDatabase(config);
    const source = new DataSource(dataSourceOptions(config, definition, server));
    await source.initialize();
    try {
      await this.prepare(definition.name, source);
    } catch (error) {
      await source.destroy().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await source.destroy();
      throw new Error('closed');
    }
    guardQueries(source, this.guardOf(definition.name), { external: config.external });
    this.probes.set(definition.name, probePastGuard(source));
    this.sources.set(definition.name, source);
  }
}
