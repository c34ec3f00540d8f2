import type { DataSource } from 'typeorm';
import type { GaugeFeed, GaugePoint } from '../../../core/departments/change-feed';
import type { HubInfo } from '../../../core/hubs/hub-directory';
import { BIKE_SPACES_FREE } from '../live/urban-metrics';
import { hubsServedBy } from '../live/hubs-served';
import { BikeParkingPoint, spacesFreeOf } from '../parking/bike-parking-point.entity';
import { URBAN } from '../urban-source';

export const BIKE_PARKING_FEED = 'urban.bike_parking_point';

/** A point as the gauge holds it: its free spaces, for the hubs within 500 m of it (placed among the hubs of now). */
function gaugePointOf(point: BikeParkingPoint, hubs: readonly HubInfo[]): GaugePoint {
  return { key: String(point.id), hubIds: hubsServedBy(point, hubs), value: spacesFreeOf(point) };
}

const points = (source: DataSource) =>
  source.getRepository(BikeParkingPoint).createQueryBuilder('p').select(['p.id', 'p.lat', 'p.lng', 'p.spaces', 'p.occupied', 'p.updatedAt']);

/** The parking counters update `occupied` in place: read past the (updated_at, id) cursor, on its index. */
export const bikeParkingFeed: GaugeFeed = {
  kind: 'gauge',
  name: BIKE_PARKING_FEED,
  source: URBAN,
  metric: BIKE_SPACES_FREE,
  async readChangedSince(source, after, limit, hubs) {
    const changed = await points(source)
      .where('(p.updatedAt > :time OR (p.updatedAt = :time AND p.id > :id))', { time: after.time, id: after.id })
      .orderBy('p.updatedAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit)
      .getMany();
    return changed.map((point) => ({ id: point.id, updatedAt: point.updatedAt, point: gaugePointOf(point, hubs) }));
  },
  async readAll(source, hubs) {
    return (await points(source).getMany()).map((point) => gaugePointOf(point, hubs));
  },
};
