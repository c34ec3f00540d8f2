import { registerEnumType } from 'type-graphql';

/** How full a hub is, shown on the screens (public: nothing personal). */
export enum CrowdLevel {
  QUIET = 'QUIET',
  NORMAL = 'NORMAL',
  BUSY = 'BUSY',
  FULL = 'FULL',
}

registerEnumType(CrowdLevel, { name: 'CrowdLevel', description: 'occupancy / capacity: < 30 % QUIET, < 70 % NORMAL, < 90 % BUSY, else FULL' });

/** A hub without a known capacity is never reported full: it is NORMAL when anyone is in, else QUIET. */
export function crowdLevelOf(occupancy: number, capacity: number | null): CrowdLevel {
  if (capacity === null || capacity <= 0) return occupancy > 0 ? CrowdLevel.NORMAL : CrowdLevel.QUIET;
  const share = occupancy / capacity;
  if (share < 0.3) return CrowdLevel.QUIET;
  if (share < 0.7) return CrowdLevel.NORMAL;
  if (share < 0.9) return CrowdLevel.BUSY;
  return CrowdLevel.FULL;
}
