import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Per hub per 5-minute bucket: people in and out, meals served. HOUR and DAY sum these. */
@Entity('metric_rollup')
@Index('idx_metric_rollup_bucket', ['bucketStart'])
export class MetricRollup {
  @PrimaryColumn({ type: 'int' })
  hubId: number;

  @PrimaryColumn({ type: 'datetime' })
  bucketStart: Date;

  @Column({ type: 'int', default: 0 })
  entered: number;

  @Column({ type: 'int', default: 0 })
  exited: number;

  @Column({ type: 'int', default: 0 })
  meals: number;
}
