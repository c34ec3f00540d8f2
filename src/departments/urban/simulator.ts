import type { SimulationContext } from '../../core/departments/simulation';
import { serialTransaction } from '../../core/data-sources/serial-transaction';
import { localHourOf } from '../../core/time/local-time';
import { BikeParkingPoint } from './parking/bike-parking-point.entity';

/** Share of its spaces a metro exit's point holds by local hour: commuters leave bikes in the morning and take them in the evening. */
function usualShare(hour: number): number {
  if (hour >= 7 && hour < 10) return 0.5 + (hour - 7) * 0.15;
  if (hour >= 10 && hour < 17) return 0.9;
  if (hour >= 17 && hour < 20) return 0.9 - (hour - 17) * 0.2;
  return 0.3;
}

/** Counters report every few minutes; a tick of `elapsedMs` hears from this share of the points. */
const REPORTS_PER_HOUR = 12;

/**
 * Demo (SIMULATOR=on): the points' counters report, as 城管's parking system updates
 * `bike_parking_point` in place: occupancy drifts towards the hour's usual share, with noise,
 * and `updated_at` is stamped for the feed's cursor.
 */
export async function simulateBikeParking({ source, now, elapsedMs, random }: SimulationContext): Promise<number> {
  const reporting = Math.min(1, (REPORTS_PER_HOUR * elapsedMs) / 3_600_000);
  const target = usualShare(localHourOf(now));
  const points = await source.getRepository(BikeParkingPoint).find({ select: { id: true, spaces: true, occupied: true }, order: { id: 'ASC' } });
  const moved = points.flatMap((p) => {
    if (random() >= reporting) return [];
    const next = Math.round(p.occupied + (target * p.spaces - p.occupied) * 0.3 + (random() - 0.5) * p.spaces * 0.1);
    const occupied = Math.max(0, Math.min(p.spaces, next));
    return occupied === p.occupied ? [] : [{ id: p.id, occupied }];
  });
  if (moved.length === 0) return 0;
  await serialTransaction(source, async (manager) => {
    for (const { id, occupied } of moved) await manager.getRepository(BikeParkingPoint).update(id, { occupied, updatedAt: now });
  });
  return moved.length;
}
