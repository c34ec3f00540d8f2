import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByKeys } from '../../../core/loaders/group-by';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { civilSource } from '../civil-source';
import { Facility } from './facility.entity';

/** Hub id -> its facilities, floor by floor: one statement for every hub of a request. */
export const facilitiesByHub: LoaderRecipe<number, Facility[]> = (context) =>
  new DataLoader(async (hubIds) => {
    const rows = await civilSource(context)
      .getRepository(Facility)
      .find({ where: { hubId: In([...hubIds]) }, order: { hubId: 'ASC', floor: 'ASC', id: 'ASC' } });
    return groupByKeys(hubIds, rows, (facility) => facility.hubId);
  });
