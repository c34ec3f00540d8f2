import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A row the {{title}}'s own system appends about a hub. The scaffold's placeholder: replace it with
 * the department's rows, keeping an auto-increment id if a feed reads them in id order.
 */
@ObjectType({ description: 'A record the {{title}} keeps about a hub' })
@Entity('{{name}}_record')
@Index('idx_{{name}}_record_hub_recorded', ['hubId', 'recordedAt'])
export class {{Name}}Record {
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
