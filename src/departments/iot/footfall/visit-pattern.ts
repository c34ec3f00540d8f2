import { localHourOf } from '../../../core/time/local-time';

/** Relative busyness by local hour: a morning peak, an afternoon one, a small evening one. */
const HOURLY_WEIGHT = [0, 0, 0, 0, 0, 0, 0, 0.4, 0.8, 1, 1, 0.8, 0.5, 0.6, 0.9, 1, 0.9, 0.6, 0.5, 0.7, 0.5, 0, 0, 0];

/**
 * People expected through a hub's doors in a 5-minute interval starting at `at`: about a
 * quarter of its capacity per busy hour. Used by the demo seed and the simulator.
 */
export function expectedArrivals(capacity: number | null, at: Date): number {
  return ((capacity ?? 200) / 4 / 12) * HOURLY_WEIGHT[localHourOf(at)];
}
