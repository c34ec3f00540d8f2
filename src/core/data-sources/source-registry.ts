import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureMysqlDatabase } from './mysql-database';
import type { SourceConfig } from './source-config';
import type { SourceDefinition } from './source-definition';
import { SourceUnavailableError } from './source-unavailable-error';

/** The open data sources by name: the hub's own and one per department. */
export class SourceRegistry {
  private readonly sources = new Map<string, DataSource>();

  constructor(
    private readonly configs: Record<string, SourceConfig>,
    private readonly definitions: readonly SourceDefinition[],
  ) {
    for (const definition of definitions) {
      if (!configs[definition.name]) throw new Error(`no configuration for the ${definition.name} source`);
    }
  }

  get names(): string[] {
    return this.definitions.map((d) => d.name);
  }

  config(name: string): SourceConfig {
    const config = this.configs[name];
    if (!config) throw new Error(`unknown data source "${name}"`);
    return config;
  }

  /** Opens every source (creating a missing SQLite file or MySQL database) and migrates it. */
  async open(options: { migrate: boolean }): Promise<void> {
    for (const definition of this.definitions) {
      const config = this.config(definition.name);
      try {
        let server = { mariadb: false };
        if (config.driver === 'sqlite') fs.mkdirSync(path.dirname(config.file), { recursive: true });
        else server = await ensureMysqlDatabase(config);
        const source = new DataSource(dataSourceOptions(config, definition, server));
        await source.initialize();
        this.sources.set(definition.name, source);
        if (options.migrate) await source.runMigrations({ transaction: 'each' });
      } catch (error) {
        await this.close();
        throw new SourceUnavailableError(config, error);
      }
    }
  }

  get(name: string): DataSource {
    const source = this.sources.get(name);
    if (!source) throw new Error(`data source "${name}" is not open`);
    return source;
  }

  /** True when the source answers a trivial query within the time limit. */
  async ping(name: string, timeoutMs = 2_000): Promise<boolean> {
    const source = this.sources.get(name);
    if (!source?.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([source.query('SELECT 1').then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const open = [...this.sources.values()];
    this.sources.clear();
    await Promise.allSettled(open.filter((s) => s.isInitialized).map((s) => s.destroy()));
  }
}
