import DataLoader from 'dataloader';
import { columnsOf, placeholders, plainSelect } from '../../../core/data-sources/plain-select';
import type { FreshCache } from '../../../core/loaders/fresh-cache';
import type { HubContext } from '../../../core/graphql/hub-context';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { serviceKey } from '../../../core/services/service-registry';
import { byHubInMemory } from '../civil-memory';
import { civilSource } from '../civil-source';
import { SocialOrganization } from './social-organization.entity';

const ORGANIZATIONS_BY_HUB = serviceKey<FreshCache<number, SocialOrganization[]>>('civil.organizationsByHub');

/**
 * Hub id -> the organizations serving it, its operator first: from memory when read within
 * FEED_POLL_MS, else one plain statement (a join through hub_organization) for every such hub
 * of a request.
 */
export const organizationsByHub: LoaderRecipe<number, SocialOrganization[]> = (context) =>
  new DataLoader(async (hubIds) => byHubInMemory(context, ORGANIZATIONS_BY_HUB).getMany(hubIds, (stale) => readOrganizations(context, stale)));

async function readOrganizations(context: HubContext, hubIds: readonly number[]): Promise<SocialOrganization[][]> {
  const civil = civilSource(context);
  const rows = await plainSelect(
    civil,
    SocialOrganization,
    `SELECT ${columnsOf(civil, SocialOrganization, 'o')}, l.hub_id AS link_hub_id, l.role AS link_role FROM social_organization o ` +
      `JOIN hub_organization l ON l.organization_id = o.id WHERE l.hub_id IN (${placeholders(hubIds)}) ORDER BY o.id`,
    [...hubIds],
  );
  // One object per organization, as TypeORM's hydration gave: shared by the hubs it serves.
  const byId = new Map<number, SocialOrganization>();
  const groups = new Map<number, { organization: SocialOrganization; operator: boolean }[]>(hubIds.map((id) => [id, []]));
  for (const { entity, extra } of rows) {
    const organization = byId.get(entity.id) ?? entity;
    byId.set(organization.id, organization);
    groups.get(Number(extra.link_hub_id))?.push({ organization, operator: extra.link_role === 'OPERATOR' });
  }
  return hubIds.map((id) =>
    groups
      .get(id)!
      .sort((a, b) => Number(b.operator) - Number(a.operator) || a.organization.id - b.organization.id)
      .map((entry) => entry.organization),
  );
}
