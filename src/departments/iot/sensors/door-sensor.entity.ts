import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A people counter at one of a hub's doors, run by the city operations centre (城运中心). */
@Entity('door_sensor')
@Index('uq_door_sensor_code', ['code'], { unique: true })
@Index('idx_door_sensor_hub', ['hubId'])
export class DoorSensor {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  hubId: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  /** Which door, e.g. 正门 (main entrance). */
  @Column({ type: 'varchar', length: 40 })
  position: string;

  @Column({ type: 'datetime' })
  installedAt: Date;

  /** The facility (civil's facility id) whose own door this is, when it is one: its readings are also that facility's footfall. */
  @Column({ type: 'int', nullable: true })
  facilityId: number | null;
}
