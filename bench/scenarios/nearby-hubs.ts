import type { RowDataPacket } from 'mysql2/promise';
import { boundingBox } from '../../src/core/geo/bounding-box';
import { greatCircleMeters } from '../../src/core/geo/great-circle';
import { queryThroughput } from '../query-throughput';
import type { ThroughputScenario } from '../scenario';

const CENTRE = { lat: 30.3291, lng: 120.0952 }; // 三墩镇民生综合体, WGS-84
const RADIUS = 5000;

/** The ten hubs nearest a phone at 三墩, within 5 km. */
export const nearbyHubsQuery: ThroughputScenario = {
  name: 'nearby-hubs',
  label: 'nearbyHubs(5 km, first: 10)',
  query: `query($near: GeoInput!) { nearbyHubs(near: $near, radiusMeters: ${RADIUS}, first: 10) { distanceMeters hub { id name } } }`,
  variables: { near: { ...CENTRE, coordSystem: 'WGS84' } },
  async baseline(pools) {
    const box = boundingBox(CENTRE, RADIUS);
    const [minLng, maxLng] = box.lngRanges[0];
    const [rows] = await pools.civil.query<RowDataPacket[]>(
      'SELECT id, name, lat, lng FROM hub WHERE lat BETWEEN ? AND ? AND lng BETWEEN ? AND ?',
      [box.minLat, box.maxLat, minLng, maxLng],
    );
    const nearest = rows
      .map((row) => ({ row, distanceMeters: Math.round(greatCircleMeters(CENTRE, { lat: row.lat, lng: row.lng }) * 10) / 10 }))
      .filter((found) => found.distanceMeters <= RADIUS)
      .sort((a, b) => a.distanceMeters - b.distanceMeters || a.row.id - b.row.id)
      .slice(0, 10);
    return { nearbyHubs: nearest.map(({ row, distanceMeters }) => ({ distanceMeters, hub: { id: String(row.id), name: row.name } })) };
  },
};

export const nearbyHubs = queryThroughput(nearbyHubsQuery);
