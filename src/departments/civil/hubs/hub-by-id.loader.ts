import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { oneByKeys } from '../../../core/loaders/group-by';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { civilSource } from '../civil-source';
import { Hub } from './hub.entity';
import { hubIndexOf } from './hub-index';

/** Hub id -> the hub (an activity's hub, a nearby search's results), as fresh as the hub index (FEED_POLL_MS). */
export const hubById: LoaderRecipe<number, Hub | null> = (context) =>
  new DataLoader(async (ids) => {
    // The hub index first; only a hub it does not hold yet (added since its last read) costs a query.
    const table = await hubIndexOf(context).current();
    const missing = ids.filter((id) => !table.byId.has(id));
    const rows = missing.length > 0 ? await civilSource(context).getRepository(Hub).findBy({ id: In(missing) }) : [];
    const fromSql = oneByKeys(missing, rows, (hub) => hub.id);
    const found = new Map(missing.map((id, i) => [id, fromSql[i]]));
    return ids.map((id) => table.byId.get(id) ?? found.get(id) ?? null);
  });
