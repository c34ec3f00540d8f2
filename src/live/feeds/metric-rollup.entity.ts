import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What every rollup row is keyed by and holds: one metric of one hub in one bucket (5 minutes, an hour, a day, a month). */
export abstract class RollupColumns {
  @PrimaryColumn({ type: 'int' })
  hubId: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  metric: string;

  @PrimaryColumn({ type: 'datetime' })
  bucketStart: Date;

  @Column({ type: 'double' })
  value: number;
}

/**
 * One metric of one hub in one 5-minute bucket: a daily counter's sum over the bucket, a gauge's
 * last value in it. HOUR and DAY series are made from these.
 */
@Entity('metric_rollup')
@Index('idx_metric_rollup_metric_bucket', ['metric', 'bucketStart'])
@Index('idx_metric_rollup_bucket', ['bucketStart'])
export class MetricRollup extends RollupColumns {}
