import { hubMigrations } from '../migrations/hub';
import { HUB_SOURCE } from './config';
import { AuditEntry } from './core/audit/audit-entry.entity';
import { ApiClient } from './core/auth/api-client.entity';
import { ApiKeyRevocation } from './core/auth/api-key-revocation.entity';
import type { SourceConfig } from './core/data-sources/source-config';
import type { SourceDefinition } from './core/data-sources/source-definition';
import { withSource, type DepartmentModule } from './core/departments/department-module';
import { FeedCursor } from './live/feeds/feed-cursor.entity';
import { MetricRollup } from './live/feeds/metric-rollup.entity';
import { MetricRollupDay, MetricRollupHour, MetricRollupMonth, RollupTierState } from './live/feeds/rollup-tier.entity';

/**
 * The hub's own source first, then one per department. A department whose source is external
 * has its hub-kept records (civil's bookings) in the hub's source instead of its own.
 */
export function sourceDefinitions(modules: readonly DepartmentModule[], configs: Readonly<Record<string, SourceConfig>>): SourceDefinition[] {
  const keptByHub = modules.filter((m) => m.hubKept && configs[m.name]?.external);
  const moved = new Set(keptByHub.flatMap((m) => m.hubKept!.entities));
  return [
    {
      name: HUB_SOURCE,
      entities: [ApiClient, ApiKeyRevocation, AuditEntry, FeedCursor, MetricRollup, MetricRollupHour, MetricRollupDay, MetricRollupMonth, RollupTierState, ...moved],
      migrations: [...hubMigrations, ...keptByHub.flatMap((m) => m.hubKept!.migrations)],
    },
    ...withSource(modules).map(({ name, entities, migrations }) => ({ name, entities: entities.filter((e) => !moved.has(e)), migrations })),
  ];
}
