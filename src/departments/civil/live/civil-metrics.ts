import type { LiveMetricDefinition } from '../../../core/departments/live-metric';

/** Activities starting today, not cancelled. */
export const ACTIVITIES = 'activities';

export const civilMetrics: LiveMetricDefinition[] = [{ name: ACTIVITIES, title: '今日活动', unit: '场', kind: 'recount' }];
