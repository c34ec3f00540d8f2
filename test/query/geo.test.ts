import { boundingBox } from '../../src/core/geo/bounding-box';
import { convertPoint } from '../../src/core/geo/convert';
import { CoordSystem } from '../../src/core/geo/coord-system';
import { greatCircleMeters } from '../../src/core/geo/great-circle';

const { WGS84, GCJ02, BD09 } = CoordSystem;

describe('coordinate systems', () => {
  // Reference values published with gcoord's own test suite (test/unit/crs/*.spec.ts), for (lng 123, lat 45).
  it.each([
    [GCJ02, WGS84, { lat: 44.99804071, lng: 122.99395597 }],
    [GCJ02, BD09, { lat: 45.00636899, lng: 123.00636499 }],
    [BD09, GCJ02, { lat: 44.9936543, lng: 122.99363304 }],
    [BD09, WGS84, { lat: 44.9917154, lng: 122.9876221 }],
  ])('converts %s to %s as published', (from, to, expected) => {
    const converted = convertPoint({ lat: 45, lng: 123 }, from, to);
    expect(converted.lat).toBeCloseTo(expected.lat, 6);
    expect(converted.lng).toBeCloseTo(expected.lng, 6);
  });

  it('puts GCJ-02 a few hundred metres from WGS-84 in Hangzhou, and BD-09 further', () => {
    const sandun = { lat: 30.3291, lng: 120.0952 };
    const gcj = convertPoint(sandun, WGS84, GCJ02);
    const bd = convertPoint(sandun, WGS84, BD09);
    expect(greatCircleMeters(sandun, gcj)).toBeGreaterThan(300);
    expect(greatCircleMeters(sandun, gcj)).toBeLessThan(700);
    expect(greatCircleMeters(sandun, bd)).toBeGreaterThan(greatCircleMeters(sandun, gcj));
  });

  it.each([GCJ02, BD09])('round-trips WGS-84 -> %s -> WGS-84 within a metre across the district', (system) => {
    for (let lat = 30.12; lat <= 30.34; lat += 0.02) {
      for (let lng = 120.02; lng <= 120.18; lng += 0.02) {
        const back = convertPoint(convertPoint({ lat, lng }, WGS84, system), system, WGS84);
        expect(greatCircleMeters({ lat, lng }, back)).toBeLessThan(1);
      }
    }
  });
});

describe('great-circle distance', () => {
  it('measures along a meridian and the equator as arcs of the mean Earth radius', () => {
    // One degree = R·π/180 = 111,195.08 m; equator to pole = R·π/2 = 10,007,557 m.
    expect(greatCircleMeters({ lat: 30, lng: 120 }, { lat: 31, lng: 120 })).toBeCloseTo(111_195.08, 1);
    expect(greatCircleMeters({ lat: 0, lng: 10 }, { lat: 0, lng: 11 })).toBeCloseTo(111_195.08, 1);
    expect(greatCircleMeters({ lat: 0, lng: 0 }, { lat: 90, lng: 0 })).toBeCloseTo(10_007_557.2, 0);
    // A short hop keeps sub-metre precision (haversine, not the law of cosines).
    expect(greatCircleMeters({ lat: 30, lng: 120 }, { lat: 30.00001, lng: 120 })).toBeCloseTo(1.112, 3);
  });
});

describe('bounding box', () => {
  it('holds every point of the circle, and not much more', () => {
    const centre = { lat: 30.3, lng: 120.1 };
    const box = boundingBox(centre, 5_000);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      const rad = (bearing * Math.PI) / 180;
      // A point 4,999 m away (flat approximation is enough at this distance).
      const point = {
        lat: centre.lat + ((4_999 * Math.cos(rad)) / 6_371_008.8) * (180 / Math.PI),
        lng: centre.lng + ((4_999 * Math.sin(rad)) / (6_371_008.8 * Math.cos((centre.lat * Math.PI) / 180))) * (180 / Math.PI),
      };
      expect(greatCircleMeters(centre, point)).toBeLessThan(5_000);
      expect(point.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(point.lat).toBeLessThanOrEqual(box.maxLat);
      expect(point.lng).toBeGreaterThanOrEqual(box.lngRanges[0][0]);
      expect(point.lng).toBeLessThanOrEqual(box.lngRanges[0][1]);
    }
    expect((box.maxLat - box.minLat) * 111_195).toBeLessThan(10_010);
  });

  it('splits at the antimeridian and spans every longitude at a pole', () => {
    expect(boundingBox({ lat: 0, lng: 179.99 }, 5_000).lngRanges).toHaveLength(2);
    expect(boundingBox({ lat: 89.99, lng: 0 }, 5_000).lngRanges).toEqual([[-180, 180]]);
  });
});
