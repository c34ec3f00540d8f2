import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { oneByKeys } from '../../../core/loaders/group-by';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { civilSource } from '../civil-source';
import { Hub } from './hub.entity';

/** Hub id -> the hub (an activity's hub, a nearby search's results). */
export const hubById: LoaderRecipe<number, Hub | null> = (context) =>
  new DataLoader(async (ids) => {
    const rows = await civilSource(context).getRepository(Hub).findBy({ id: In([...ids]) });
    return oneByKeys(ids, rows, (hub) => hub.id);
  });
