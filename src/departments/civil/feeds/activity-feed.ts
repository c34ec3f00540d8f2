import type { DataSource } from 'typeorm';
import type { RecountFeed } from '../../../core/departments/change-feed';
import { ActivityStatus } from '../activities/activity-status';
import { Activity } from '../activities/activity.entity';
import { ACTIVITIES } from '../live/civil-metrics';

export const ACTIVITY_FEED = 'civil.activity';

const activities = (source: DataSource) => source.getRepository(Activity).createQueryBuilder('a');

/** Activities added, moved or cancelled: `activitiesToday` counts those starting on the local day, not cancelled. */
export const activityFeed: RecountFeed = {
  kind: 'recount',
  name: ACTIVITY_FEED,
  source: 'civil',
  metric: ACTIVITIES,
  async readChangedSince(source, after, limit) {
    const rows = await activities(source)
      .select(['a.id', 'a.hubId', 'a.updatedAt'])
      .where('(a.updatedAt > :time OR (a.updatedAt = :time AND a.id > :id))', { time: after.time, id: after.id })
      .orderBy('a.updatedAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((a) => ({ id: a.id, hubId: a.hubId, updatedAt: a.updatedAt }));
  },
  async countForDay(source, dayStart, dayEnd, hubIds) {
    const query = activities(source)
      .select('a.hubId', 'hubId')
      .addSelect('COUNT(*)', 'n')
      .where('a.startsAt >= :dayStart AND a.startsAt < :dayEnd', { dayStart, dayEnd })
      .andWhere('a.status <> :cancelled', { cancelled: ActivityStatus.CANCELLED })
      .groupBy('a.hubId');
    if (hubIds !== null) {
      if (hubIds.length === 0) return new Map();
      query.andWhere('a.hubId IN (:...hubIds)', { hubIds });
    }
    const rows = await query.getRawMany<{ hubId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.hubId), Number(r.n)]));
  },
};
