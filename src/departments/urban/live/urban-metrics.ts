import type { LiveMetricDefinition } from '../../../core/departments/live-metric';

/** The records' quantities of the local day, per hub: on every screen's metrics list. */
export const URBAN_RECORDS = 'urbanRecords';

export const urbanMetrics: LiveMetricDefinition[] = [{ name: URBAN_RECORDS, title: '今日城管局记录', unit: '件', kind: 'dailyCounter' }];
