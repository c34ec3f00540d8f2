import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Hub } from '../hubs/hub.entity';
import { ActivityStatus } from './activity-status';
import type { ActivityWindow } from './activity-window';
import { Activity } from './activity.entity';

export interface ActivityCriteria {
  hubId?: number;
  street?: string;
  category?: string;
  includeCancelled: boolean;
  window: ActivityWindow;
}

/** Activities matching the criteria; every condition is a bound parameter. */
export function activitiesMatching(source: DataSource, criteria: ActivityCriteria): SelectQueryBuilder<Activity> {
  const query = source
    .getRepository(Activity)
    .createQueryBuilder('activity')
    .where('activity.endsAt > :from', { from: criteria.window.from });
  if (criteria.window.to) query.andWhere('activity.startsAt < :to', { to: criteria.window.to });
  if (criteria.hubId !== undefined) query.andWhere('activity.hubId = :hubId', { hubId: criteria.hubId });
  if (criteria.category) query.andWhere('activity.category = :category', { category: criteria.category });
  if (!criteria.includeCancelled) query.andWhere('activity.status = :scheduled', { scheduled: ActivityStatus.SCHEDULED });
  if (criteria.street) {
    const streetHubs = source.getRepository(Hub).createQueryBuilder('hub').select('hub.id').where('hub.street = :street');
    query.andWhere(`activity.hubId IN (${streetHubs.getQuery()})`, { street: criteria.street });
  }
  return query;
}
