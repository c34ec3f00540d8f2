import type { DataSource } from 'typeorm';
import { Hub } from '../../departments/civil';

/** What the live state needs to know about a hub: its size and where it is. */
export interface HubInfo {
  id: number;
  capacity: number | null;
  district: string;
  street: string;
}

export async function loadHubDirectory(civil: DataSource): Promise<HubInfo[]> {
  const hubs = await civil.getRepository(Hub).find({ select: { id: true, capacity: true, district: true, street: true }, order: { id: 'ASC' } });
  return hubs.map(({ id, capacity, district, street }) => ({ id, capacity, district, street }));
}
