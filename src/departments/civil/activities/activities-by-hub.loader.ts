import DataLoader from 'dataloader';
import { groupByKeys } from '../../../core/loaders/group-by';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { civilSource } from '../civil-source';
import { ActivityStatus } from './activity-status';
import type { ActivityWindow } from './activity-window';
import { Activity } from './activity.entity';

export interface HubActivitiesKey {
  hubId: number;
  /** null: from now, the instant the request's loader was made (the same for every hub). */
  from: Date | null;
  to: Date | null;
  first: number;
}

const windowKey = ({ from, to, first }: HubActivitiesKey) => `${from?.getTime() ?? 'now'}|${to?.getTime() ?? ''}|${first}`;

/**
 * (hub, window, first) -> the hub's first scheduled activities in the window, soonest first.
 * One statement per distinct window in a request (a list of hubs asks one): the per-hub limit
 * is a ROW_NUMBER() window function, which SQLite ≥ 3.25, MySQL 8 and MariaDB 10.2 all have.
 */
export const activitiesByHub: LoaderRecipe<HubActivitiesKey, Activity[]> = (context) => {
  const now = new Date();
  return new DataLoader(
    async (keys) => {
      const byWindow = new Map<string, HubActivitiesKey[]>();
      for (const key of keys) byWindow.set(windowKey(key), [...(byWindow.get(windowKey(key)) ?? []), key]);
      const found = new Map<string, Activity[]>();
      await Promise.all(
        [...byWindow.entries()].map(async ([group, groupKeys]) => {
          const { from, to, first } = groupKeys[0];
          const window: ActivityWindow = { from: from ?? now, to };
          const hubIds = [...new Set(groupKeys.map((key) => key.hubId))];
          const rows = first === 0 ? [] : await firstActivitiesOfHubs(context, hubIds, window, first);
          groupByKeys(hubIds, rows, (activity) => activity.hubId).forEach((activities, i) =>
            found.set(`${hubIds[i]}|${group}`, activities),
          );
        }),
      );
      return keys.map((key) => found.get(`${key.hubId}|${windowKey(key)}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.hubId}|${windowKey(key)}` },
  );
};

function firstActivitiesOfHubs(
  context: Parameters<typeof civilSource>[0],
  hubIds: number[],
  window: ActivityWindow,
  first: number,
): Promise<Activity[]> {
  const repository = civilSource(context).getRepository(Activity);
  const ranked = repository
    .createQueryBuilder('candidate')
    .select('candidate.id', 'id')
    .addSelect('ROW_NUMBER() OVER (PARTITION BY candidate.hub_id ORDER BY candidate.starts_at, candidate.id)', 'seq')
    .where('candidate.hubId IN (:...hubIds)')
    .andWhere('candidate.status = :scheduled')
    .andWhere('candidate.endsAt > :from');
  if (window.to) ranked.andWhere('candidate.startsAt < :to');
  return repository
    .createQueryBuilder('activity')
    .where(`activity.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.seq <= :first)`)
    .setParameters({ hubIds, scheduled: ActivityStatus.SCHEDULED, from: window.from, to: window.to, first })
    .orderBy('activity.hubId', 'ASC')
    .addOrderBy('activity.startsAt', 'ASC')
    .addOrderBy('activity.id', 'ASC')
    .getMany();
}
