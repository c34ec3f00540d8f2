import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A row the 城管局's own system appends about a hub. The scaffold's placeholder: replace it with
 * the department's rows, keeping an auto-increment id if a feed reads them in id order.
 */
@ObjectType({ description: 'A record the 城管局 keeps about a hub' })
@Entity('urban_record')
@Index('idx_urban_record_hub_recorded', ['hubId', 'recordedAt'])
export class UrbanRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  hubId: number;

  @Field()
  @Column({ type: 'datetime' })
  recordedAt: Date;

  @Field(() => Int, { description: 'What the record adds to the day’s count' })
  @Column({ type: 'int' })
  quantity: number;

  @Field()
  @Column({ type: 'varchar', length: 120 })
  note: string;
}
