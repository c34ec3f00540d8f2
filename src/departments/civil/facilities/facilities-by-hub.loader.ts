import DataLoader from 'dataloader';
import { columnsOf, placeholders, plainSelect } from '../../../core/data-sources/plain-select';
import type { FreshCache } from '../../../core/loaders/fresh-cache';
import { groupByKeys } from '../../../core/loaders/group-by';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { serviceKey } from '../../../core/services/service-registry';
import { byHubInMemory } from '../civil-memory';
import { civilSource } from '../civil-source';
import { Facility } from './facility.entity';

const FACILITIES_BY_HUB = serviceKey<FreshCache<number, Facility[]>>('civil.facilitiesByHub');

/**
 * Hub id -> its facilities, floor by floor: from memory when read within FEED_POLL_MS, else one
 * statement for every such hub of a request.
 */
export const facilitiesByHub: LoaderRecipe<number, Facility[]> = (context) =>
  new DataLoader(async (hubIds) =>
    byHubInMemory(context, FACILITIES_BY_HUB).getMany(hubIds, async (stale) => {
      const civil = civilSource(context);
      const rows = await plainSelect(
        civil,
        Facility,
        `SELECT ${columnsOf(civil, Facility, 'f')} FROM facility f WHERE f.hub_id IN (${placeholders(stale)}) ORDER BY f.hub_id, f.floor, f.id`,
        stale,
      );
      return groupByKeys(
        stale,
        rows.map((r) => r.entity),
        (facility) => facility.hubId,
      );
    }),
  );
