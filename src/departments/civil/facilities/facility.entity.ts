import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { FacilityType } from './facility-type';

/** A room or service inside a hub: a city study, a canteen, a health hut… */
@ObjectType()
@Entity('facility')
@Index('idx_facility_hub', ['hubId'])
@Index('idx_facility_type_hub', ['type', 'hubId'])
export class Facility {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  hubId: number;

  @Field(() => FacilityType)
  @Column({ type: 'varchar', length: 20 })
  type: FacilityType;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => Int, { nullable: true, description: 'Floor of the building, 1 = ground floor' })
  @Column({ type: 'int', nullable: true })
  floor: number | null;
}
