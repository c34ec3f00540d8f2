import type { LiveMetricDefinition } from '../../../core/departments/live-metric';

/** Free bike spaces at the metro exits within 500 m of a hub, now. */
export const BIKE_SPACES_FREE = 'bikeSpacesFree';

// A gauge: each point's free spaces count for every hub within 500 m of it, and once in an area's
// total, however many of the area's hubs it serves.
export const urbanMetrics: LiveMetricDefinition[] = [{ name: BIKE_SPACES_FREE, title: '周边空余车位', unit: '个', kind: 'gauge' }];
