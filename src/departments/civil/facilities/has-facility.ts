import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Hub } from '../hubs/hub.entity';
import { Facility } from './facility.entity';
import type { FacilityType } from './facility-type';

/**
 * Keeps the hubs (alias `hub`) that have a facility of `type`. EXISTS, not a join: a hub with two
 * canteens is listed (and counted) once.
 */
export function whereHubHasFacility(query: SelectQueryBuilder<Hub>, source: DataSource, type: FacilityType): SelectQueryBuilder<Hub> {
  const withFacility = source.getRepository(Facility).createQueryBuilder('facility').select('1').where('facility.hub_id = hub.id').andWhere('facility.type = :facilityType');
  return query.andWhere(`EXISTS (${withFacility.getQuery()})`, { facilityType: type });
}
