import type { LiveMetricDefinition } from '../../../core/departments/live-metric';

/** Meals served at the canteens today. */
export const MEALS = 'meals';

export const healthMetrics: LiveMetricDefinition[] = [{ name: MEALS, title: '今日就餐', unit: '人次', kind: 'dailyCounter' }];
