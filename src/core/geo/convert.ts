import gcoord from 'gcoord';

const { BD09, GCJ02, WGS84, transform } = gcoord;
import { CoordSystem } from './coord-system';

export interface LatLng {
  lat: number;
  lng: number;
}

const GCOORD_SYSTEM = {
  [CoordSystem.WGS84]: WGS84,
  [CoordSystem.GCJ02]: GCJ02,
  [CoordSystem.BD09]: BD09,
} as const;

/** Converts a point between coordinate systems (gcoord's published transforms). */
export function convertPoint(point: LatLng, from: CoordSystem, to: CoordSystem): LatLng {
  if (from === to) return { lat: point.lat, lng: point.lng };
  const [lng, lat] = transform([point.lng, point.lat], GCOORD_SYSTEM[from], GCOORD_SYSTEM[to]);
  return { lat, lng };
}
