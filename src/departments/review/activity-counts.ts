import type { DataSource } from 'typeorm';
import { Activity, ActivityStatus } from '../civil';
import type { ReviewPeriod } from './review-period';

/** What a group of activities did over a period. */
export interface ActivityCounts {
  held: number;
  cancelled: number;
  placesOffered: number;
  booked: number;
}

export type ActivityKey = 'hubId' | 'category' | 'organizationId' | 'facilityId';

const COLUMN: Record<ActivityKey, string> = { hubId: 'a.hubId', category: 'a.category', organizationId: 'a.organizationId', facilityId: 'a.facilityId' };

export const NO_ACTIVITIES: ActivityCounts = { held: 0, cancelled: 0, placesOffered: 0, booked: 0 };

/** booked ÷ places offered; null when none were offered. */
export function fillRate(counts: ActivityCounts): number | null {
  return counts.placesOffered > 0 ? counts.booked / counts.placesOffered : null;
}

/**
 * Activities starting in the period, grouped by one of their columns (null: those that name
 * none, keyed ''): held = not cancelled and started before `now`. One statement, read from the
 * index that covers every grouping (idx_activity_review_groups).
 */
export async function activityCounts(civil: DataSource, key: ActivityKey, { from, to }: ReviewPeriod, now: Date, hubIds?: readonly number[]): Promise<Map<string, ActivityCounts>> {
  if (hubIds && hubIds.length === 0) return new Map();
  const held = `a.status <> :cancelled AND a.startsAt < :now`;
  const query = civil
    .getRepository(Activity)
    .createQueryBuilder('a')
    .select(COLUMN[key], 'k')
    .addSelect(`SUM(CASE WHEN ${held} THEN 1 ELSE 0 END)`, 'held')
    .addSelect(`SUM(CASE WHEN a.status = :cancelled THEN 1 ELSE 0 END)`, 'cancelled')
    .addSelect(`SUM(CASE WHEN ${held} THEN a.capacity ELSE 0 END)`, 'offered')
    .addSelect(`SUM(CASE WHEN ${held} THEN a.booked ELSE 0 END)`, 'booked')
    .where('a.startsAt >= :from AND a.startsAt < :to', { from, to, now, cancelled: ActivityStatus.CANCELLED })
    .groupBy(COLUMN[key]);
  if (hubIds) query.andWhere('a.hubId IN (:...hubIds)', { hubIds: [...hubIds] });
  const rows = await query.getRawMany<{ k: string | number | null; held: string | number; cancelled: string | number; offered: string | number; booked: string | number }>();
  return new Map(
    rows.map((r) => [r.k === null ? '' : String(r.k), { held: Number(r.held), cancelled: Number(r.cancelled), placesOffered: Number(r.offered), booked: Number(r.booked) }]),
  );
}
