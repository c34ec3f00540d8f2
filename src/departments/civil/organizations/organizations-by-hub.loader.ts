import DataLoader from 'dataloader';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { civilSource } from '../civil-source';
import { HubOrganization } from './hub-organization.entity';
import { SocialOrganization } from './social-organization.entity';

/**
 * Hub id -> the organizations serving it, its operator first: one statement (a join through
 * hub_organization) for every hub of a request.
 */
export const organizationsByHub: LoaderRecipe<number, SocialOrganization[]> = (context) =>
  new DataLoader(async (hubIds) => {
    const { raw, entities } = await civilSource(context)
      .getRepository(SocialOrganization)
      .createQueryBuilder('organization')
      .innerJoin(HubOrganization, 'link', 'link.organizationId = organization.id')
      .addSelect(['link.hubId', 'link.role'])
      .where('link.hubId IN (:...hubIds)', { hubIds: [...hubIds] })
      .orderBy('organization.id', 'ASC')
      .getRawAndEntities();
    const byId = new Map(entities.map((organization) => [organization.id, organization]));
    const groups = new Map<number, { organization: SocialOrganization; operator: boolean }[]>(hubIds.map((id) => [id, []]));
    for (const row of raw as Record<string, unknown>[]) {
      const organization = byId.get(Number(row.organization_id));
      if (organization) groups.get(Number(row.link_hub_id))?.push({ organization, operator: row.link_role === 'OPERATOR' });
    }
    return hubIds.map((id) =>
      groups
        .get(id)!
        .sort((a, b) => Number(b.operator) - Number(a.operator) || a.organization.id - b.organization.id)
        .map((entry) => entry.organization),
    );
  });
