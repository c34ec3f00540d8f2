import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { oneByKeys } from '../../../core/loaders/group-by';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { civilSource } from '../civil-source';
import { SocialOrganization } from './social-organization.entity';

/** Organization id -> the organization (an activity's organizer). */
export const organizationById: LoaderRecipe<number, SocialOrganization | null> = (context) =>
  new DataLoader(async (ids) => {
    const rows = await civilSource(context).getRepository(SocialOrganization).findBy({ id: In([...ids]) });
    return oneByKeys(ids, rows, (organization) => organization.id);
  });
