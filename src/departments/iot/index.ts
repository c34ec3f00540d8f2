import { iotMigrations } from '../../../migrations/iot';
import type { DepartmentModule } from '../../core/departments/department-module';
import { FootfallReading } from './footfall/footfall-reading.entity';
import { DoorSensor } from './sensors/door-sensor.entity';
import { footfallFeed } from './feeds/footfall-feed';
import { RecordFootfallResolver } from './ingest/record-footfall.resolver';
import { IOT } from './iot-source';
import { IOT_SETTINGS } from './iot-settings';
import { seedIot } from './seed';
import { simulateDoorCounters } from './simulator';
import { CrowdLevelResolver } from './live/crowd-level.resolver';
import { FootfallSeriesResolver } from './live/footfall-series.resolver';
import { iotLiveFields } from './live/iot-live-fields';
import { iotMetrics } from './live/iot-metrics';

export { IOT } from './iot-source';
// What other departments may build on: the series point type, to add their counters to it.
export { FootfallPoint } from './live/footfall-point';
// For the bureau's review: a facility's own footfall, where a sensor stands at its door.
export { facilityFootfall } from './footfall/facility-footfall';
export { FOOTFALL } from './live/iot-metrics';
// For the seed's rollup history: how busy a hub is by the hour.
export { expectedArrivals } from './footfall/visit-pattern';

/** 城运中心 City operations: door counters and the footfall they record. */
export const iotDepartment: DepartmentModule = {
  name: IOT,
  title: '城运中心',
  entities: [DoorSensor, FootfallReading],
  migrations: iotMigrations,
  resolvers: [RecordFootfallResolver, CrowdLevelResolver, FootfallSeriesResolver, ...iotLiveFields],
  settings: IOT_SETTINGS,
  metrics: iotMetrics,
  feeds: [footfallFeed],
  seed: seedIot,
  simulate: simulateDoorCounters,
};
