import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far a change feed has read. Written in the same transaction as the rollups the rows moved,
 * so a restart resumes exactly where the counted rows end.
 */
@Entity('feed_cursor')
export class FeedCursor {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  feed: string;

  /** Highest id read (ids below it not yet seen are in `openGaps`), or the id half of an (updated_at, id) cursor. */
  @Column({ type: 'int', default: 0 })
  watermark: number;

  /** The time half of an (updated_at, id) cursor, for tables whose rows change. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  cursorTime: Date | null;

  /** Ids below the watermark not yet seen, JSON `[[fromId, toId, firstMissedAtMs], …]` (see open-gaps.ts), re-read until their grace period ends. */
  @Column({ type: 'text', nullable: true })
  openGaps: string | null;

  /**
   * Bumped by every write; a writer saves only over the version it read (compare-and-set), so two
   * instances that both think they hold the lease can never count a batch twice.
   */
  @Column({ type: 'int', default: 0 })
  version: number;

  /** Why the feed's last pass failed, while it keeps failing; null when it runs. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** When the feed's passes started failing; null when it runs. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  failingSince: Date | null;

  /** Last write, also a heartbeat while the feed is idle: the feed's lag is measured from it. */
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
