import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A social organization (社会组织) that runs a hub or brings services to it. */
@ObjectType()
@Entity('social_organization')
@Index('uq_social_organization_name', ['name'], { unique: true })
export class SocialOrganization {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: 'What it does, e.g. 养老服务, 托育, 文化' })
  @Column({ type: 'varchar', length: 40 })
  field: string;
}
