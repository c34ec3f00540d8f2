import type { LiveMetricDefinition } from '../../../core/departments/live-metric';

/** People who came in today (what `footfallToday` shows). */
export const FOOTFALL = 'footfall';
/** People who went out today. */
export const EXITS = 'exits';
/** People inside now. */
export const OCCUPANCY = 'occupancy';

/** The door counters' metrics. */
export const iotMetrics: LiveMetricDefinition[] = [
  { name: FOOTFALL, title: '今日客流', unit: '人次', kind: 'dailyCounter' },
  { name: EXITS, title: '今日离馆', unit: '人次', kind: 'dailyCounter' },
  {
    name: OCCUPANCY,
    title: '当前在馆',
    unit: '人',
    kind: 'derived',
    from: [FOOTFALL, EXITS],
    // Counters miss people who left through an uncounted door, or came in before midnight.
    compute: (inputs) => Math.max(0, inputs[FOOTFALL] - inputs[EXITS]),
  },
];
