import type { DataSource } from 'typeorm';
import type { Logger } from '../../core/logging/logger';
import type { FeedLeases } from '../leases/feed-lease';
import { runRollupRetention, type RetentionSettings } from './rollup-retention';

const LEASE = 'hub.rollup-retention';
const EVERY_MS = 60 * 60 * 1000;
const FIRST_AFTER_MS = 60 * 1000;

/**
 * Runs the rollup retention a minute after start and then every hour, on the one instance that
 * holds its lease. A failed run (the hub's database down) is logged and tried at the next.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly hub: () => DataSource,
    private readonly settings: RetentionSettings,
    private readonly leases: FeedLeases,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.timer = setTimeout(() => this.tick(), FIRST_AFTER_MS);
    this.timer.unref();
  }

  private tick(): void {
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
      if (this.timer) {
        this.timer = setTimeout(() => this.tick(), EVERY_MS);
        this.timer.unref();
      }
    });
  }

  async runOnce(): Promise<void> {
    try {
      if (!(await this.leases.acquire(LEASE))) return;
      const result = await runRollupRetention(this.hub(), this.clock(), this.settings);
      if (result.daysRolled + result.fiveMinuteRowsPurged + result.hourRowsPurged + result.auditEntriesPurged > 0) this.logger.info('rollup retention', { ...result });
    } catch (error) {
      this.logger.warn(`rollup retention failed, tried again in an hour: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.leases.release(LEASE).catch(() => undefined);
  }
}
