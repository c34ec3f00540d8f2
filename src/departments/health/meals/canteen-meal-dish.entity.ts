import { Entity, PrimaryColumn } from 'typeorm';

/** The dishes of one meal. */
@Entity('canteen_meal_dish')
export class CanteenMealDish {
  @PrimaryColumn({ type: 'int' })
  mealId: number;

  @PrimaryColumn({ type: 'int' })
  dishId: number;
}
