import { urbanMigrations } from '../../../migrations/urban';
import type { DepartmentModule } from '../../core/departments/department-module';
import { bikeParkingFeed } from './feeds/bike-parking-feed';
import { urbanMetrics } from './live/urban-metrics';
import { BikeParkingNearResolver } from './nearby/bike-parking-near.resolver';
import { HubNearbyBikeParkingResolver } from './nearby/hub-nearby-bike-parking.resolver';
import { BikeParkingPoint } from './parking/bike-parking-point.entity';
import { BikeParkingPointResolver } from './parking/bike-parking-point.resolver';
import { seedUrban } from './seed';
import { simulateBikeParking } from './simulator';
import { URBAN } from './urban-source';

export { URBAN } from './urban-source';

/** 城管局 Urban management: bike-parking points at the metro exits, and the free spaces near each hub, live. */
export const urbanDepartment: DepartmentModule = {
  name: URBAN,
  title: '城管局',
  entities: [BikeParkingPoint],
  migrations: urbanMigrations,
  resolvers: [BikeParkingPointResolver, BikeParkingNearResolver, HubNearbyBikeParkingResolver],
  metrics: urbanMetrics,
  feeds: [bikeParkingFeed],
  seed: seedUrban,
  simulate: simulateBikeParking,
};
