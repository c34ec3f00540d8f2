import { registerEnumType } from 'type-graphql';

/**
 * WGS84: GPS and open data. GCJ02: Chinese maps and WeChat. BD09: Baidu maps.
 * The same place differs by 300–600 m between them, so every coordinate names its system.
 */
export enum CoordSystem {
  WGS84 = 'WGS84',
  GCJ02 = 'GCJ02',
  BD09 = 'BD09',
}

registerEnumType(CoordSystem, { name: 'CoordSystem' });
