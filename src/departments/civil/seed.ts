import { intBetween, pick, seedFromName, seededRandom } from '../../core/seeding/seeded-random';
import { insertInBatches } from '../../core/seeding/insert-in-batches';
import { DEMO_RESIDENTS, demoResidentRef } from '../../core/seeding/demo-residents';
import type { SeedContext } from '../../core/seeding/seed-context';
import { facilityIdsOf } from '../../core/seeding/demo-district';
import { addDays, atLocalTime } from '../../core/time/local-time';
import { ActivityStatus } from './activities/activity-status';
import { Activity } from './activities/activity.entity';
import { BookingStatus } from './bookings/booking-status';
import { Booking } from './bookings/booking.entity';
import type { FacilityType } from './facilities/facility-type';
import { Facility } from './facilities/facility.entity';
import type { HubKind } from './hubs/hub-kind';
import { Hub } from './hubs/hub.entity';
import { HubOrganization } from './organizations/hub-organization.entity';
import { SocialOrganization } from './organizations/social-organization.entity';

const PROGRAMME: { category: string; titles: string[] }[] = [
  { category: '健康讲座', titles: ['高血压防治健康讲座', '糖尿病饮食指导', '家庭医生义诊'] },
  { category: '书法', titles: ['书法兴趣班', '春联书写体验'] },
  { category: '亲子', titles: ['亲子绘本阅读', '亲子手工坊'] },
  { category: '科普', titles: ['青少年科普实验课', '无人机科普体验'] },
  { category: '健身', titles: ['太极拳晨练', '八段锦教学', '广场舞排练'] },
  { category: '数字助老', titles: ['智能手机使用课堂', '防诈骗知识讲座'] },
  { category: '文化', titles: ['越剧沙龙', '非遗剪纸体验', '茶艺分享会'] },
];
const START_HOURS = [9, 10, 14, 15, 19];

/** The room an activity of a category is held in, when the hub has one (else its first facility). */
const ROOM_OF: Record<string, string[]> = {
  健康讲座: ['HEALTH_HUT', 'DAY_CARE'],
  书法: ['CULTURE', 'LIBRARY'],
  亲子: ['CHILDCARE', 'LIBRARY'],
  科普: ['YOUTH_SCIENCE', 'LIBRARY'],
  健身: ['GYM', 'ELDER_CLUB'],
  数字助老: ['ELDER_CLUB', 'DAY_CARE'],
  文化: ['CULTURE', 'ELDER_CLUB'],
};

function roomFor(category: string, rooms: { id: number; type: string }[]): number | null {
  for (const type of ROOM_OF[category] ?? []) {
    const room = rooms.find((r) => r.type === type);
    if (room) return room.id;
  }
  return rooms[0]?.id ?? null;
}

/** The civil department's demo rows: hubs, facilities, organizations, activities, bookings. */
export async function seedCivil({ source, district, now, random, progress, historyDays = 0 }: SeedContext): Promise<void> {
  if ((await source.getRepository(Hub).count()) > 0) return;
  const { hubs, organizations } = district;

  await insertInBatches(
    source,
    Hub,
    hubs.map((h) => ({
      id: h.id,
      code: h.code,
      name: h.name,
      kind: h.kind as HubKind,
      district: h.district,
      street: h.street,
      address: h.address,
      lat: h.lat,
      lng: h.lng,
      capacity: h.capacity,
      floorAreaM2: h.floorAreaM2,
    })),
    (done) => progress('hubs', done, hubs.length),
  );
  const rooms = facilityIdsOf(hubs);
  const facilities = hubs.flatMap((h) =>
    h.facilities.map((f, i) => ({ id: rooms.get(h.id)![i].id, hubId: h.id, type: f.type as FacilityType, name: f.name, floor: f.floor })),
  );
  await insertInBatches(source, Facility, facilities, (done) => progress('facilities', done, facilities.length));
  await insertInBatches(
    source,
    SocialOrganization,
    organizations.map((o) => ({ id: o.id, name: o.name, field: o.field })),
  );
  await insertInBatches(
    source,
    HubOrganization,
    organizations.flatMap((o) => [
      ...o.operates.map((hubId) => ({ hubId, organizationId: o.id, role: 'OPERATOR' as const })),
      ...o.partners.map((hubId) => ({ hubId, organizationId: o.id, role: 'PARTNER' as const })),
    ]),
  );

  // Activities from yesterday to two weeks ahead; past ones keep the bookings they had.
  const activities: Partial<Activity>[] = [];
  const perDay = district.scale === 'city' ? 0.4 : 1.6;
  for (const hub of hubs) {
    const operators = organizations.filter((o) => o.operates.includes(hub.id) || o.partners.includes(hub.id)).map((o) => o.id);
    for (let day = -1; day <= 14; day++) {
      const count = Math.floor(perDay + random());
      for (let i = 0; i < count; i++) {
        const theme = pick(random, PROGRAMME);
        const startsAt = atLocalTime(addDays(now, day), pick(random, START_HOURS), pick(random, [0, 30]));
        activities.push({
          hubId: hub.id,
          organizationId: operators.length ? pick(random, operators) : null,
          title: pick(random, theme.titles),
          category: theme.category,
          facilityId: roomFor(theme.category, rooms.get(hub.id)!),
          startsAt,
          endsAt: new Date(startsAt.getTime() + intBetween(random, 1, 2) * 3_600_000),
          capacity: intBetween(random, 10, 60),
          booked: 0,
          status: ActivityStatus.SCHEDULED,
          updatedAt: now,
        });
      }
    }
  }
  const bookings: Partial<Booking>[] = [];
  activities.forEach((activity, index) => {
    const wanted = Math.floor(activity.capacity! * random() * 0.7);
    const residents = new Set<number>();
    while (residents.size < wanted) residents.add(intBetween(random, 1, DEMO_RESIDENTS));
    activity.booked = residents.size;
    for (const n of residents) {
      bookings.push({
        activityId: index + 1,
        residentRef: demoResidentRef(n),
        status: BookingStatus.CONFIRMED,
        createdAt: new Date(activity.startsAt!.getTime() - intBetween(random, 1, 72) * 3_600_000),
        cancelledAt: null,
      });
    }
  });
  await insertInBatches(
    source,
    Activity,
    activities.map((a, i) => ({ id: i + 1, ...a })),
    (done) => progress('activities', done, activities.length),
  );
  await insertInBatches(source, Booking, bookings, (done) => progress('bookings', done, bookings.length));
  if (historyDays > 0) await seedActivityHistory(source, district, now, historyDays, activities.length, rooms, progress);
}

/**
 * `--history N`: the activities held in the N days before yesterday, a few cancelled, with the
 * places booked (their bookings, residents' records, are not made up). A random stream of its
 * own, so that the seed without history stays the same.
 */
async function seedActivityHistory(source: SeedContext['source'], district: SeedContext['district'], now: Date, days: number, firstId: number, rooms: ReturnType<typeof facilityIdsOf>, progress: SeedContext['progress']): Promise<void> {
  const random = seededRandom(seedFromName('civil-history'));
  const perDay = district.scale === 'city' ? 0.4 : 1.6;
  const history: Partial<Activity>[] = [];
  for (const hub of district.hubs) {
    const operators = district.organizations.filter((o) => o.operates.includes(hub.id) || o.partners.includes(hub.id)).map((o) => o.id);
    // Some hubs' programmes draw far fewer residents than others': the review should find them.
    const appeal = 0.2 + random() * 0.75;
    for (let day = -days - 1; day <= -2; day++) {
      const count = Math.floor(perDay + random());
      for (let i = 0; i < count; i++) {
        const theme = pick(random, PROGRAMME);
        const startsAt = atLocalTime(addDays(now, day), pick(random, START_HOURS), pick(random, [0, 30]));
        const capacity = intBetween(random, 10, 60);
        const cancelled = random() < 0.06;
        history.push({
          id: firstId + history.length + 1,
          hubId: hub.id,
          organizationId: operators.length ? pick(random, operators) : null,
          title: pick(random, theme.titles),
          category: theme.category,
          facilityId: roomFor(theme.category, rooms.get(hub.id)!),
          startsAt,
          endsAt: new Date(startsAt.getTime() + intBetween(random, 1, 2) * 3_600_000),
          capacity,
          booked: cancelled ? 0 : Math.min(capacity, Math.round(capacity * appeal * (0.6 + random() * 0.6))),
          status: cancelled ? ActivityStatus.CANCELLED : ActivityStatus.SCHEDULED,
          updatedAt: now,
        });
      }
    }
  }
  await insertInBatches(source, Activity, history, (done) => progress('activity history', done, history.length));
}
