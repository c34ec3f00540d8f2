import type { RunningHub } from '../../src/app';
import { startOfLocalDate } from '../../src/core/time/local-time';
import { Activity, ActivityStatus, Facility, Hub, HubKind, SocialOrganization } from '../../src/departments/civil';
import { FacilityType } from '../../src/departments/civil/facilities/facility-type';
import { CanteenMeal } from '../../src/departments/health/meals/canteen-meal.entity';
import { FootfallReading } from '../../src/departments/iot/footfall/footfall-reading.entity';
import { DoorSensor } from '../../src/departments/iot/sensors/door-sensor.entity';
import { MetricRollup } from '../../src/live/feeds/metric-rollup.entity';
import { liveOf } from '../live/live-helpers';

/** A local wall-clock time: `2026-10-15`, 10 → 2026-10-15T10:00+08:00. */
export const at = (date: string, hour = 10) => new Date(startOfLocalDate(date).getTime() + hour * 3_600_000);
export const midnight = (date: string) => startOfLocalDate(date).toISOString();

/**
 * Five hubs in two districts, September and October 2026, small enough to compute by hand
 * (the expected values in the tests are worked out in their comments):
 *   footfall Oct: H1 1000 (100 on Oct 5, 880 + 120 through the library's own door on Oct 15),
 *                 H2 200 (150 + 50 through its library's door), H3 300, H4 500, H5 500
 *   footfall Sep: H1 800, H2 600, H3 0, H4 1000, H5 250
 */
export const HUBS = [
  { id: 1, code: 'T-1', name: '北山一号综合体', district: '西湖区', street: '北山街道', capacity: 100, floorAreaM2: 1000 },
  { id: 2, code: 'T-2', name: '北山二号综合体', district: '西湖区', street: '北山街道', capacity: 200, floorAreaM2: 1000 },
  { id: 3, code: 'T-3', name: '西溪综合体', district: '西湖区', street: '西溪街道', capacity: 100, floorAreaM2: 500 },
  { id: 4, code: 'T-4', name: '湖滨一号综合体', district: '上城区', street: '湖滨街道', capacity: 100, floorAreaM2: 400 },
  { id: 5, code: 'T-5', name: '湖滨二号综合体', district: '上城区', street: '湖滨街道', capacity: 50, floorAreaM2: 400 },
];

/** Facility ids: 11 H1's library, 21 H2's library, 22 H2's elders' club, 23 H2's gym. */
const FACILITIES = [
  { id: 11, hubId: 1, type: FacilityType.LIBRARY, name: '城市书房', floor: 1 },
  { id: 21, hubId: 2, type: FacilityType.LIBRARY, name: '城市书房', floor: 1 },
  { id: 22, hubId: 2, type: FacilityType.ELDER_CLUB, name: '长者俱乐部', floor: 2 },
  { id: 23, hubId: 2, type: FacilityType.GYM, name: '百姓健身房', floor: 3 },
];

export async function seedReviewFixture(hub: RunningHub): Promise<void> {
  const civil = hub.services.sources.get('civil');
  await civil.getRepository(Hub).save(HUBS.map((h) => ({ ...h, kind: HubKind.EMBEDDED, address: `${h.street}1号`, lat: 30.2, lng: 120.1 })));
  await civil.getRepository(Facility).save(FACILITIES);
  await civil.getRepository(SocialOrganization).save([
    { id: 1, name: '文泽社会组织服务中心', field: '综合' },
    { id: 2, name: '邻里健康服务社', field: '健康' },
  ]);
  const activity = (id: number, hubId: number, date: string, category: string, organizationId: number | null, facilityId: number | null, capacity: number, booked: number, status = ActivityStatus.SCHEDULED) => ({
    id, hubId, organizationId, facilityId, title: `${category}${id}`, category, startsAt: at(date, 14), endsAt: at(date, 16), capacity, booked, status, updatedAt: new Date(),
  });
  await civil.getRepository(Activity).save([
    activity(1, 1, '2026-10-08', '书法', 1, null, 40, 30),
    activity(2, 1, '2026-10-12', '健康讲座', 2, null, 20, 10),
    activity(3, 3, '2026-10-20', '健康讲座', 2, null, 30, 3),
    activity(4, 2, '2026-10-09', '数字助老', 1, 22, 20, 5),
    activity(5, 2, '2026-10-10', '亲子', 2, 21, 10, 8),
    activity(6, 2, '2026-10-11', '亲子', 2, 21, 30, 0, ActivityStatus.CANCELLED),
    activity(7, 2, '2026-10-25', '文化', null, null, 10, 10),
    activity(8, 1, '2026-09-10', '书法', 1, null, 10, 10),
  ]);

  const iot = hub.services.sources.get('iot');
  const sensor = (id: number, hubId: number, facilityId: number | null) => ({ id, hubId, facilityId, code: `T-S${id}`, position: facilityId ? '书房门' : '正门', installedAt: new Date(Date.UTC(2026, 0, 1)) });
  await iot.getRepository(DoorSensor).save([sensor(1, 1, null), sensor(2, 1, 11), sensor(3, 2, null), sensor(4, 2, 21), sensor(5, 3, null), sensor(6, 4, null), sensor(7, 5, null)]);
  const reading = (sensorId: number, hubId: number, when: Date, entered: number) => ({ sensorId, hubId, at: when, entered, exited: 0 });
  await iot.getRepository(FootfallReading).save([
    reading(1, 1, at('2026-10-05'), 100),
    reading(1, 1, at('2026-10-15'), 780),
    reading(2, 1, at('2026-10-15'), 120),
    reading(3, 2, at('2026-10-15'), 150),
    reading(4, 2, at('2026-10-15'), 50),
    reading(5, 3, at('2026-10-15'), 300),
    reading(6, 4, at('2026-10-15'), 500),
    reading(7, 5, at('2026-10-15'), 500),
    reading(1, 1, at('2026-09-15'), 800),
    reading(3, 2, at('2026-09-15'), 600),
    reading(6, 4, at('2026-09-15'), 1000),
    reading(7, 5, at('2026-09-15'), 250),
  ]);

  // Meals in October: H1 3, H3 1.
  const meal = (hubId: number, when: Date, n: number) => ({ hubId, residentRef: `r-${hubId}-${n}`, servedAt: when });
  await hub.services.sources.get('health').getRepository(CanteenMeal).save([meal(1, at('2026-10-03', 11), 1), meal(1, at('2026-10-04', 11), 2), meal(1, at('2026-10-05', 11), 3), meal(3, at('2026-10-06', 11), 4)]);

  // A gauge has no rows to feed it here: its 5-minute values as the urban feed would have kept them. H1: 10 and 20 (mean 15), H2: 5.
  await hub.services.sources.get('hub').getRepository(MetricRollup).save([
    { hubId: 1, metric: 'bikeSpacesFree', bucketStart: at('2026-10-15', 9), value: 10 },
    { hubId: 1, metric: 'bikeSpacesFree', bucketStart: at('2026-10-16', 9), value: 20 },
    { hubId: 2, metric: 'bikeSpacesFree', bucketStart: at('2026-10-15', 9), value: 5 },
  ]);
  await liveOf(hub).drain();
}
