import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { oneByKeys } from '../../../core/loaders/group-by';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { civilSource } from '../civil-source';
import { Activity } from './activity.entity';

/** Activity id -> the activity (a booking's activity). */
export const activityById: LoaderRecipe<number, Activity | null> = (context) =>
  new DataLoader(async (ids) => {
    const rows = await civilSource(context).getRepository(Activity).findBy({ id: In([...ids]) });
    return oneByKeys(ids, rows, (activity) => activity.id);
  });
