import type { DataSource } from 'typeorm';
import { ActivityStatus } from '../../../src/departments/civil/activities/activity-status';
import { Activity } from '../../../src/departments/civil/activities/activity.entity';

const HOUR = 3_600_000;

/**
 * Adds an activity to hub 1 for a test: tomorrow for an hour by default, with the capacity asked
 * for; or from `startsAt` to `endsAt`, run by `organizationId`, changed at `updatedAt`.
 */
export async function addActivity(
  source: DataSource,
  {
    capacity = 20,
    startsInHours = 24,
    status = ActivityStatus.SCHEDULED,
    title = '测试活动',
    category = '健康讲座',
    organizationId = null as number | null,
    startsAt = new Date(Math.floor((Date.now() + startsInHours * HOUR) / 1000) * 1000),
    endsAt = new Date(startsAt.getTime() + HOUR),
    updatedAt = new Date(Date.now() - HOUR),
  } = {},
): Promise<Activity> {
  return source.getRepository(Activity).save({
    hubId: 1,
    organizationId,
    title,
    category,
    startsAt,
    endsAt,
    capacity,
    booked: 0,
    status,
    updatedAt,
  });
}

export async function reloadActivity(source: DataSource, id: number): Promise<Activity> {
  return source.getRepository(Activity).findOneByOrFail({ id });
}
