import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What one door counter saw in one interval starting at `at`: people in and out.
 * Appended by the counters (or `recordFootfall`); a (sensor, at) pair is recorded once.
 */
@Entity('footfall_reading')
@Index('uq_footfall_reading_sensor_at', ['sensorId', 'at'], { unique: true })
@Index('idx_footfall_reading_hub_at', ['hubId', 'at'])
export class FootfallReading {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  sensorId: number;

  @Column({ type: 'int' })
  hubId: number;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'int' })
  entered: number;

  @Column({ type: 'int' })
  exited: number;
}
