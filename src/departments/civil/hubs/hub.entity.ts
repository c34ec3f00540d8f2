import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { HubKind } from './hub-kind';

/** A community service complex (民生综合体). Its location is stored in WGS-84. */
@ObjectType({ description: 'A community service complex (民生综合体)' })
@Entity('hub')
@Index('uq_hub_code', ['code'], { unique: true })
@Index('idx_hub_lat_lng', ['lat', 'lng'])
@Index('idx_hub_street', ['street'])
export class Hub {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'The bureau’s code for the hub, e.g. XH-12-001' })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => HubKind)
  @Column({ type: 'varchar', length: 16 })
  kind: HubKind;

  @Field({ description: 'The district (区), e.g. 西湖区' })
  @Column({ type: 'varchar', length: 40 })
  district: string;

  @Field({ description: 'The street or town (街道/镇)' })
  @Column({ type: 'varchar', length: 40 })
  street: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** WGS-84 latitude; exposed through `location(coordSystem)`. */
  @Column({ type: 'double' })
  lat: number;

  /** WGS-84 longitude. */
  @Column({ type: 'double' })
  lng: number;

  @Field(() => Int, { nullable: true, description: 'People the hub can hold at once' })
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double', nullable: true })
  floorAreaM2: number | null;
}
