import { withSource, type DepartmentModule } from '../core/departments/department-module';
import type { HubInfo } from '../core/hubs/hub-directory';
import type { SourceRegistry } from '../core/data-sources/source-registry';
import type { Logger } from '../core/logging/logger';

export const SIMULATION_TICK_MS = 5_000;

/**
 * Runs the departments' simulators (SIMULATOR=on, or `npm run simulate`): every few seconds each
 * writes into its own database what its devices would have, and the feeds pick the rows up like
 * any others. Nothing here talks to the live state.
 */
export class SimulationDriver {
  private timer: NodeJS.Timeout | undefined;
  private last = Date.now();
  private busy = false;

  private readonly modules: readonly DepartmentModule[];

  constructor(
    modules: readonly DepartmentModule[],
    private readonly sources: SourceRegistry,
    private readonly hubs: () => readonly HubInfo[],
    private readonly logger: Logger,
  ) {
    // A department's own (external) database is written by its devices, never by the simulator.
    this.modules = withSource(modules).filter((m) => !sources.config(m.name).external);
  }

  start(tickMs = SIMULATION_TICK_MS): void {
    const names = this.modules.filter((m) => m.simulate).map((m) => m.name);
    this.logger.info(`simulator on (${names.join(', ') || 'no department simulates'}): writing every ${tickMs / 1000} s`);
    this.last = Date.now();
    this.timer = setInterval(() => void this.tick(), tickMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One round of every simulator; returns the rows each wrote. */
  async tick(now = new Date()): Promise<Record<string, number>> {
    const written: Record<string, number> = {};
    if (this.busy) return written;
    this.busy = true;
    const elapsedMs = Math.max(0, Math.min(now.getTime() - this.last, 60_000));
    this.last = now.getTime();
    try {
      for (const module of this.modules) {
        if (!module.simulate) continue;
        try {
          written[module.name] = await module.simulate({ source: this.sources.get(module.name), now, elapsedMs, hubs: this.hubs(), random: Math.random });
        } catch (error) {
          this.logger.warn(`simulator ${module.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      this.busy = false;
    }
    return written;
  }
}
