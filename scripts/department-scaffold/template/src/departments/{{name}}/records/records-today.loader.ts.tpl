import DataLoader from 'dataloader';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { addDays, startOfLocalDay } from '../../../core/time/local-time';
import { {{name}}Source } from '../{{name}}-source';
import { {{Name}}Record } from './{{name}}-record.entity';

/** Each hub's records of the local day, summed: a page of hubs costs one statement. */
export const {{name}}RecordsToday: LoaderRecipe<number, number> = (context) =>
  new DataLoader(async (hubIds) => {
    const dayStart = startOfLocalDay(new Date());
    const rows = await {{name}}Source(context)
      .getRepository({{Name}}Record)
      .createQueryBuilder('r')
      .select('r.hubId', 'hubId')
      .addSelect('SUM(r.quantity)', 'n')
      .where('r.hubId IN (:...hubIds)', { hubIds })
      .andWhere('r.recordedAt >= :from AND r.recordedAt < :to', { from: dayStart, to: addDays(dayStart, 1) })
      .groupBy('r.hubId')
      .getRawMany<{ hubId: number | string; n: number | string }>();
    const found = new Map(rows.map((r) => [Number(r.hubId), Number(r.n)]));
    return hubIds.map((id) => found.get(id) ?? 0);
  });
