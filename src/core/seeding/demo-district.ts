/**
 * The demo district every department seeds from: plain data, generated deterministically, so a
 * department can write rows about hub 17 without reading another department's database.
 */
export interface DemoFacility {
  type: string;
  name: string;
  floor: number;
}

export interface DemoHub {
  id: number;
  code: string;
  name: string;
  kind: 'FLAGSHIP' | 'CLUSTER' | 'EMBEDDED' | 'VILLAGE';
  district: string;
  street: string;
  address: string;
  /** WGS-84 */
  lat: number;
  lng: number;
  capacity: number;
  floorAreaM2: number;
  facilities: DemoFacility[];
}

export interface DemoOrganization {
  id: number;
  name: string;
  field: string;
  /** Hubs it runs (OPERATOR). */
  operates: number[];
  /** Hubs it brings services to (PARTNER). */
  partners: number[];
}

export interface DemoDistrict {
  scale: 'demo' | 'city';
  district: string;
  streets: string[];
  hubs: DemoHub[];
  organizations: DemoOrganization[];
}

/**
 * Facility ids as the seed gives them: in the order of the district's hubs and their
 * facilities, from 1. A department that points at a facility (a sensor at its door) uses the
 * same ids without reading the department that keeps the facilities.
 */
export function facilityIdsOf(hubs: readonly DemoHub[]): Map<number, { id: number; type: string }[]> {
  let next = 1;
  return new Map(hubs.map((h) => [h.id, h.facilities.map((f) => ({ id: next++, type: f.type }))]));
}
