import type { LiveMetricDefinition } from '../../../core/departments/live-metric';

/** The records' quantities of the local day, per hub: on every screen's metrics list. */
export const {{NAME}}_RECORDS = '{{name}}Records';

export const {{name}}Metrics: LiveMetricDefinition[] = [{ name: {{NAME}}_RECORDS, title: '今日{{title}}记录', unit: '件', kind: 'dailyCounter' }];
