import { cityOutlines, insideOutlines, outlinesOfDistrict } from '../src/core/geo/city-outlines';
import { convertPoint } from '../src/core/geo/convert';
import { CoordSystem } from '../src/core/geo/coord-system';
import { buildCityDistrict, buildDemoDistrict } from '../seeds/demo-district-plan';
import { NAMED_HUBS } from '../seeds/xihu-district';
import { hangzhouDistricts } from '../seeds/hangzhou-divisions';

describe('the city-scale seed on real divisions and the map’s outlines', () => {
  const city = buildCityDistrict();
  const divisions = hangzhouDistricts();
  const outlines = cityOutlines();

  it('has 1,000 hubs in the real streets and towns of Hangzhou’s ten districts, named after real communities', () => {
    expect(city.hubs).toHaveLength(1000);
    expect(new Set(city.hubs.map((h) => h.district))).toEqual(new Set(divisions.map((d) => d.name)));
    expect(divisions).toHaveLength(10);
    for (const hub of city.hubs.filter((h) => h.district !== '西湖区')) {
      const street = divisions.find((d) => d.name === hub.district)!.streets.find((s) => s.name === hub.street);
      expect(street).toBeDefined();
      expect(street!.communities.some((c) => hub.name.startsWith(c))).toBe(true);
      expect(hub.name).toMatch(/(社区|村)(\d+号)?民生综合体$/);
    }
    // Every street of the ten districts has hubs.
    expect(new Set(city.hubs.map((h) => h.street)).size).toBe(divisions.reduce((n, d) => n + d.streets.length, 0));
  });

  it('keeps the demo district and its named hubs', () => {
    const demo = buildDemoDistrict();
    expect(city.hubs.slice(0, demo.hubs.length)).toEqual(demo.hubs);
    expect(demo.hubs.map((h) => h.name)).toContain('三墩镇民生综合体');
  });

  it('places every hub (WGS-84) inside its district’s outline (GCJ-02) on the map, but for the named demo hubs, which keep their real places', () => {
    const named = new Set(NAMED_HUBS.map((h) => h.name));
    const demo = buildDemoDistrict();
    for (const hub of NAMED_HUBS) expect(demo.hubs.find((h) => h.name === hub.name)).toMatchObject({ lat: hub.lat, lng: hub.lng });
    const outside = city.hubs.filter((hub) => {
      if (named.has(hub.name)) return false;
      const gcj = convertPoint(hub, CoordSystem.WGS84, CoordSystem.GCJ02);
      return !insideOutlines(outlinesOfDistrict(outlines, hub.district), gcj.lng, gcj.lat);
    });
    expect(outside.map((h) => `${h.name} ${h.district}`)).toEqual([]);
  });
});
