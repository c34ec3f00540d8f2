import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A bike-parking point at a metro exit (地铁口非机动车停放点), kept by 城管. Its position is stored in
 * WGS-84 and given in any system through `location(coordSystem)`. The parking system updates
 * `occupied` in place and stamps `updatedAt`, which the bike-spaces feed reads with an
 * (updated_at, id) cursor.
 */
@ObjectType({ description: 'A bike-parking point at a metro exit (地铁口非机动车停放点)' })
@Entity('bike_parking_point')
@Index('idx_bike_parking_point_lat_lng', ['lat', 'lng'])
@Index('idx_bike_parking_point_updated', ['updatedAt', 'id'])
export class BikeParkingPoint {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'The metro station, e.g. 三墩站' })
  @Column({ type: 'varchar', length: 40 })
  station: string;

  @Field({ description: 'The exit it stands at, e.g. A口' })
  // EXIT is a reserved word in MySQL: a column of that name would need quoting in every hand-written query.
  @Column({ name: 'exit_label', type: 'varchar', length: 8 })
  exit: string;

  /** WGS-84 latitude; exposed through `location(coordSystem)`. */
  @Column({ type: 'double' })
  lat: number;

  @Column({ type: 'double' })
  lng: number;

  @Field(() => Int, { description: 'Bike spaces marked out' })
  @Column({ type: 'int' })
  spaces: number;

  @Field(() => Int, { description: 'Of the spaces, those with an e-bike charger' })
  @Column({ type: 'int' })
  chargers: number;

  @Field(() => Int, { description: 'Spaces taken now, as the point’s counter last reported' })
  @Column({ type: 'int' })
  occupied: number;

  @Field({ description: 'When the counter last reported' })
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** Spaces free now; a counter that reports more bikes than spaces (bikes parked outside the lines) leaves none. */
export function spacesFreeOf(point: Pick<BikeParkingPoint, 'spaces' | 'occupied'>): number {
  return Math.max(0, point.spaces - point.occupied);
}
