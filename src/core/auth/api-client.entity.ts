import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ApiRole } from './api-role';

/** A screen, a department's system, a canteen terminal or an administrator, known by its key. */
@ObjectType({ description: 'A holder of an API key (never the key itself)' })
@Entity('api_client')
@Index('uq_api_client_key_prefix', ['keyPrefix'], { unique: true })
export class ApiClient {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => ApiRole)
  @Column({ type: 'varchar', length: 20 })
  role: ApiRole;

  /** The department whose source a DEPARTMENT key may write to. */
  @Field(() => String, { nullable: true, description: 'The department a DEPARTMENT key acts for' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  department: string | null;

  /** The hub a CANTEEN_TERMINAL stands in. */
  @Field(() => ID, { nullable: true, description: 'The hub a CANTEEN_TERMINAL stands in' })
  @Column({ type: 'int', nullable: true })
  hubId: number | null;

  /** The key's first characters, stored plain to find the row; the rest is only hashed. */
  @Column({ type: 'varchar', length: 16 })
  keyPrefix: string;

  /** SHA-256 of the whole key, hex. */
  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Updated at most once a minute' })
  @Column({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set once the key is revoked; it is refused from then on' })
  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
