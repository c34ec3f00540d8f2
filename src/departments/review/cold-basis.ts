import { registerEnumType } from 'type-graphql';

/** What a hub's footfall is divided by, to compare hubs of different sizes. */
export enum ColdBasis {
  /** Per place of capacity (people it can hold at once). */
  CAPACITY = 'CAPACITY',
  /** Per m² of floor area. */
  FLOOR_AREA = 'FLOOR_AREA',
}

registerEnumType(ColdBasis, { name: 'ColdBasis' });

export const BASIS_UNIT: Record<ColdBasis, string> = { [ColdBasis.CAPACITY]: '每容量位', [ColdBasis.FLOOR_AREA]: '每平方米' };
