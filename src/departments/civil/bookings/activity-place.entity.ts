import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The places taken of one activity, kept in the hub's own source when civil's is external: the
 * count its capacity (read from civil) is checked against, by one conditional UPDATE in the
 * transaction that writes the booking. A row appears with an activity's first booking.
 */
@Entity('activity_place')
export class ActivityPlace {
  @PrimaryColumn({ type: 'int' })
  activityId: number;

  @Column({ type: 'int', default: 0 })
  booked: number;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
