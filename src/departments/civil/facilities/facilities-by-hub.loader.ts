import DataLoader from 'dataloader';
import { columnsOf, placeholders, plainSelect } from '../../../core/data-sources/plain-select';
import { groupByKeys } from '../../../core/loaders/group-by';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { civilSource } from '../civil-source';
import { Facility } from './facility.entity';

/** Hub id -> its facilities, floor by floor: one statement for every hub of a request. */
export const facilitiesByHub: LoaderRecipe<number, Facility[]> = (context) =>
  new DataLoader(async (hubIds) => {
    const civil = civilSource(context);
    const rows = await plainSelect(
      civil,
      Facility,
      `SELECT ${columnsOf(civil, Facility, 'f')} FROM facility f WHERE f.hub_id IN (${placeholders(hubIds)}) ORDER BY f.hub_id, f.floor, f.id`,
      [...hubIds],
    );
    return groupByKeys(
      hubIds,
      rows.map((r) => r.entity),
      (facility) => facility.hubId,
    );
  });
