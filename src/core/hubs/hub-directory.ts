import type { DataSource } from 'typeorm';

/** What the live layer and other departments need to know of a hub: its size, where it is, its area. */
export interface HubInfo {
  id: number;
  /** People it can hold at once; null when unknown. */
  capacity: number | null;
  district: string;
  street: string;
  /** WGS-84. */
  lat: number;
  lng: number;
}

/**
 * Reads every hub from the source of the department that keeps them (civil). The live layer and
 * the other departments reach the hubs through this port, never through that department's files.
 */
export type HubDirectory = (source: DataSource) => Promise<HubInfo[]>;
