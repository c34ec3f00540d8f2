import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A meal served at a hub's canteen, appended by the till when the diner confirms. */
@Entity('canteen_meal')
@Index('idx_canteen_meal_hub_served', ['hubId', 'servedAt'])
export class CanteenMeal {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  hubId: number;

  @Column({ type: 'varchar', length: 64 })
  residentRef: string;

  @Column({ type: 'datetime' })
  servedAt: Date;
}
