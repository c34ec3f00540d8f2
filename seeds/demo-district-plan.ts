import type { DemoDistrict, DemoFacility, DemoHub, DemoOrganization } from '../src/core/seeding/demo-district';
import { intBetween, pick, seededRandom } from '../src/core/seeding/seeded-random';
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
  return { scale: 'demo', district: DISTRICT, streets: Object.keys(STREETS), hubs, organizations: linkOrganizations(hubs, random) };
}

const CITY_DISTRICTS = ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区'];

/**
 * A city-sized set for scale tests: ~1,000 hubs serving 1,260 communities with ~35,000
 * facility records (the counts of Hangzhou's complete-community survey), around Hangzhou.
 */
export function buildCityDistrict(): DemoDistrict {
  const random = seededRandom(1260);
  const demo = buildDemoDistrict();
  const hubs: DemoHub[] = [...demo.hubs];
  const streets = [...demo.streets];
  for (let n = hubs.length; n < 1000; n++) {
    const district = CITY_DISTRICTS[n % CITY_DISTRICTS.length];
    const street = `${district}第${1 + (Math.floor(n / CITY_DISTRICTS.length) % 20)}街道`;
    if (!streets.includes(street)) streets.push(street);
    const facilities: DemoFacility[] = [];
    const count = intBetween(random, 25, 45);
    for (let i = 0; i < count; i++) {
      const type = pick(random, FACILITY_TYPES);
      facilities.push({ type, name: `${FACILITY_NAMES[type]} ${i + 1}`, floor: 1 + (i % 6) });
    }
    hubs.push({
      id: n + 1,
      code: `HZ-${String(n + 1).padStart(4, '0')}`,
      name: `${street}第${n + 1}号民生综合体`,
      kind: pick(random, KINDS),
      district,
      street,
      address: `杭州市${street}`,
      lat: round(30.05 + random() * 0.4),
      lng: round(119.9 + random() * 0.5),
      capacity: intBetween(random, 8, 60) * 10,
      floorAreaM2: intBetween(random, 6, 60) * 100,
      facilities,
    });
  }
  return { scale: 'city', district: '杭州市', streets, hubs, organizations: linkOrganizations(hubs, random) };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
