import type { Pool, RowDataPacket } from 'mysql2/promise';

export interface PolledRow {
  id: number;
  hubId: number;
  entered: number;
  exited: number;
}

const BATCH = 1_000;

/**
 * The baseline of a change feed: reads footfall_reading past an in-memory watermark with
 * mysql2 every `pollMs` (after the previous read ended, as the hub's runner schedules), and
 * hands the rows over. No cursor saved, no rollups, no gaps, no lease: not exactly-once.
 */
export class BaselineFeedPoller {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly pollMs: number,
    private watermark: number,
    private readonly onRows: (rows: PolledRow[]) => void,
  ) {}

  static async start(pool: Pool, pollMs: number, onRows: (rows: PolledRow[]) => void): Promise<BaselineFeedPoller> {
    const [[row]] = await pool.query<RowDataPacket[]>('SELECT COALESCE(MAX(id), 0) AS id FROM footfall_reading');
    const poller = new BaselineFeedPoller(pool, pollMs, Number(row.id), onRows);
    poller.schedule();
    return poller;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.poll().finally(() => this.schedule());
    }, this.pollMs);
  }

  private async poll(): Promise<void> {
    for (;;) {
      const [rows] = await this.pool.query<RowDataPacket[]>('SELECT id, hub_id, entered, exited FROM footfall_reading WHERE id > ? ORDER BY id LIMIT ?', [this.watermark, BATCH]);
      if (rows.length > 0) {
        this.watermark = Number(rows[rows.length - 1].id);
        this.onRows(rows.map((r) => ({ id: Number(r.id), hubId: Number(r.hub_id), entered: Number(r.entered), exited: Number(r.exited) })));
      }
      if (rows.length < BATCH) return;
    }
  }
}
