import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A dish with its nutrition label (营养标签), per serving; the label is exposed as `nutrition`. */
@ObjectType({ description: 'A dish of the canteens' })
@Entity('dish')
@Index('uq_dish_name', ['name'], { unique: true })
export class Dish {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Field({ description: '主食 staple, 荤菜 meat, 素菜 vegetable, 汤 soup' })
  @Column({ type: 'varchar', length: 20 })
  category: string;

  @Column({ type: 'int' })
  sodiumMg: number;

  @Column({ type: 'double' })
  sugarG: number;

  @Column({ type: 'double' })
  fatG: number;

  @Column({ type: 'int' })
  kcal: number;
}
