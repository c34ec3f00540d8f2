import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { HUB_SOURCE } from '../../../core/data-sources/hub-source-name';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { ActivityPlace } from './activity-place.entity';

/** Activity id -> the places the hub has booked of it (civil external; 0 before its first booking). */
export const placesTakenById: LoaderRecipe<number, number> = (context) =>
  new DataLoader(async (ids) => {
    const rows = await context.services.sources.get(HUB_SOURCE).getRepository(ActivityPlace).findBy({ activityId: In([...ids]) });
    const booked = new Map(rows.map((r) => [r.activityId, r.booked]));
    return ids.map((id) => booked.get(id) ?? 0);
  });
