import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One read of personal health data or one key change: who, what, when, about whom (hashed). */
@ObjectType({ description: 'One read of personal health data or one API key change' })
@Entity('audit_entry')
@Index('idx_audit_entry_at', ['at'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** The API client that acted; null for the admin secret, the command line or a resident. */
  @Field(() => ID, { nullable: true, description: 'The API client that acted; null for the admin secret, the command line or a resident' })
  @Column({ type: 'int', nullable: true })
  clientId: number | null;

  /** A readable name of who acted, e.g. `client 7 (翠苑一区食堂终端)`. */
  @Field({ description: 'Who acted, e.g. "client 7 (翠苑一区食堂终端)"' })
  @Column({ type: 'varchar', length: 120 })
  actor: string;

  /** e.g. `dietaryAdvice`, `createApiKey`, `revokeApiKey`. */
  @Field({ description: 'e.g. dietaryAdvice, createApiKey, revokeApiKey' })
  @Column({ type: 'varchar', length: 60 })
  action: string;

  /** A one-way hash of the resident reference concerned, if any. */
  @Field(() => String, { nullable: true, description: 'A one-way hash of the resident concerned, if any' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  residentHash: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;
}
