import { urbanMigrations } from '../../../migrations/urban';
import type { DepartmentModule } from '../../core/departments/department-module';
import { urbanRecordFeed } from './feeds/urban-record-feed';
import { urbanMetrics } from './live/urban-metrics';
import { URBAN } from './urban-source';
import { HubUrbanRecordsResolver } from './records/hub-urban-records.resolver';
import { UrbanRecord } from './records/urban-record.entity';
import { UrbanRecordsResolver } from './records/urban-records.resolver';
import { seedUrban } from './seed';
import { simulateUrban } from './simulator';

export { URBAN } from './urban-source';

/** 城管局: records about the hubs (the scaffold's placeholder for the department's own rows) and a live count of them. */
export const urbanDepartment: DepartmentModule = {
  name: URBAN,
  title: '城管局',
  entities: [UrbanRecord],
  migrations: urbanMigrations,
  resolvers: [UrbanRecordsResolver, HubUrbanRecordsResolver],
  metrics: urbanMetrics,
  feeds: [urbanRecordFeed],
  seed: seedUrban,
  simulate: simulateUrban,
};
