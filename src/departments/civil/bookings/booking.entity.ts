import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BookingStatus } from './booking-status';

/** A resident's place at an activity; one row per (activity, resident), re-used on re-booking. */
@ObjectType()
@Entity('booking')
@Index('uq_booking_activity_resident', ['activityId', 'residentRef'], { unique: true })
@Index('idx_booking_resident', ['residentRef'])
export class Booking {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  activityId: number;

  /** The resident's pseudonymous reference (the token's subject); never a name or phone. */
  @Column({ type: 'varchar', length: 64 })
  residentRef: string;

  @Field(() => BookingStatus)
  @Column({ type: 'varchar', length: 16 })
  status: BookingStatus;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  cancelledAt: Date | null;
}
