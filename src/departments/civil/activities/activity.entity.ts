import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ActivityStatus } from './activity-status';

/**
 * An activity held at a hub, which residents book. `booked` is kept with the bookings in one
 * transaction so that capacity is checked by a single conditional UPDATE.
 */
@ObjectType()
@Entity('activity')
@Index('idx_activity_hub_starts', ['hubId', 'startsAt'])
@Index('idx_activity_starts', ['startsAt'])
@Index('idx_activity_updated', ['updatedAt', 'id'])
@Index('idx_activity_facility', ['facilityId'])
@Index('idx_activity_review_groups', ['startsAt', 'status', 'hubId', 'organizationId', 'facilityId', 'category', 'capacity', 'booked'])
export class Activity {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  hubId: number;

  @Column({ type: 'int', nullable: true })
  organizationId: number | null;

  @Field(() => ID, { nullable: true, description: 'The facility (room) of its hub the activity uses, when it names one' })
  @Column({ type: 'int', nullable: true })
  facilityId: number | null;

  @Field()
  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Field({ description: 'e.g. 健康讲座, 书法, 亲子, 科普' })
  @Column({ type: 'varchar', length: 40 })
  category: string;

  @Field()
  @Column({ type: 'datetime' })
  startsAt: Date;

  @Field()
  @Column({ type: 'datetime' })
  endsAt: Date;

  @Field(() => Int)
  @Column({ type: 'int' })
  capacity: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  booked: number;

  @Field(() => ActivityStatus)
  @Column({ type: 'varchar', length: 16, default: ActivityStatus.SCHEDULED })
  status: ActivityStatus;

  /** Set by the code on every change (not by the database), read by the activity feed's cursor. */
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
