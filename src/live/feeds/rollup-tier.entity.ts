import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RollupColumns } from './metric-rollup.entity';

/** What an hour's or a day's row holds: the sum of the 5-minute values it covers, and how many there were (a gauge's mean is value / samples). */
abstract class TierRow extends RollupColumns {
  @Column({ type: 'int' })
  samples: number;
}

/** One metric of one hub in one hour (UTC-aligned, which is also aligned in UTC+8). */
@Entity('metric_rollup_hour')
@Index('idx_metric_rollup_hour_metric_bucket', ['metric', 'bucketStart', 'hubId', 'value', 'samples'])
@Index('idx_metric_rollup_hour_bucket', ['bucketStart'])
export class MetricRollupHour extends TierRow {}

/** One metric of one hub in one Asia/Shanghai day (starting at 16:00 UTC). */
@Entity('metric_rollup_day')
@Index('idx_metric_rollup_day_metric_bucket', ['metric', 'bucketStart', 'hubId', 'value', 'samples'])
export class MetricRollupDay extends TierRow {}

/** One metric of one hub in one Asia/Shanghai calendar month. */
@Entity('metric_rollup_month')
@Index('idx_metric_rollup_month_metric_bucket', ['metric', 'bucketStart', 'hubId', 'value', 'samples'])
export class MetricRollupMonth extends TierRow {}

/** The one row saying how far the 5-minute buckets have been rolled into hours and days, and purged. */
@Entity('rollup_tier_state')
export class RollupTierState {
  @PrimaryColumn({ type: 'int' })
  id: number;

  /** Every 5-minute bucket before this local midnight is in the hour and day tiers; null: none yet. */
  @Column({ type: 'datetime', nullable: true })
  rolledUntil: Date | null;

  /** Every whole month before this local month start has its month rows; null: none yet (months are read from their days). */
  @Column({ type: 'datetime', nullable: true })
  monthsUntil: Date | null;

  /** 5-minute buckets before this instant have been deleted. */
  @Column({ type: 'datetime', nullable: true })
  purgedBefore: Date | null;
}
