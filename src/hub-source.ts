import { hubMigrations } from '../migrations/hub';
import { HUB_SOURCE } from './config';
import { AuditEntry } from './core/audit/audit-entry.entity';
import { ApiClient } from './core/auth/api-client.entity';
import { ApiKeyRevocation } from './core/auth/api-key-revocation.entity';
import type { SourceDefinition } from './core/data-sources/source-definition';
import { withSource, type DepartmentModule } from './core/departments/department-module';
import { FeedCursor } from './live/feeds/feed-cursor.entity';
import { MetricRollup } from './live/feeds/metric-rollup.entity';
import { MetricRollupDay, MetricRollupHour, MetricRollupMonth, RollupTierState } from './live/feeds/rollup-tier.entity';

/** The hub's own source first, then one per department. */
export function sourceDefinitions(modules: readonly DepartmentModule[]): SourceDefinition[] {
  return [
    { name: HUB_SOURCE, entities: [ApiClient, ApiKeyRevocation, AuditEntry, FeedCursor, MetricRollup, MetricRollupHour, MetricRollupDay, MetricRollupMonth, RollupTierState], migrations: hubMigrations },
    ...withSource(modules).map(({ name, entities, migrations }) => ({ name, entities, migrations })),
  ];
}
