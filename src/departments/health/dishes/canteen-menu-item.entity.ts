import { Entity, PrimaryColumn } from 'typeorm';

/** A dish a hub's canteen serves on a local day (`servedOn`, YYYY-MM-DD in Asia/Shanghai). */
@Entity('canteen_menu_item')
export class CanteenMenuItem {
  @PrimaryColumn({ type: 'int' })
  hubId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  servedOn: string;

  @PrimaryColumn({ type: 'int' })
  dishId: number;
}
