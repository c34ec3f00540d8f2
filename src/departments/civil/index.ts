import { civilMigrations } from '../../../migrations/civil';
import type { DepartmentModule } from '../../core/departments/department-module';
import { ActivityResolver } from './activities/activity.resolver';
import { Activity } from './activities/activity.entity';
import { civilHubKeptMigrations } from '../../../migrations/civil/hub-kept';
import { ActivityPlace } from './bookings/activity-place.entity';
import { ActivityPlacesResolver } from './bookings/activity-places.resolver';
import { BookingResolver } from './bookings/booking.resolver';
import { Booking } from './bookings/booking.entity';
import { CIVIL_SETTINGS } from './civil-settings';
import { CIVIL } from './civil-source';
import { Facility } from './facilities/facility.entity';
import { Hub } from './hubs/hub.entity';
import { HubResolver } from './hubs/hub.resolver';
import { NearbyHubsResolver } from './nearby/nearby-hubs.resolver';
import { HubOrganization } from './organizations/hub-organization.entity';
import { SocialOrganization } from './organizations/social-organization.entity';
import { activityFeed } from './feeds/activity-feed';
import { seedCivil } from './seed';
import { readHubDirectory } from './hubs/hub-directory';
import { civilLiveFields } from './live/civil-live-fields';
import { civilMetrics } from './live/civil-metrics';
import { HubLiveResolver } from './live/hub-live.resolver';

/** 民政局 Civil Affairs: hubs, facilities, social organizations, activities and bookings. */
export const civilDepartment: DepartmentModule = {
  name: CIVIL,
  title: '民政局',
  entities: [Hub, Facility, SocialOrganization, HubOrganization, Activity, Booking],
  migrations: civilMigrations,
  // 幸福荟 is the booking system: with civil's source external, the bookings are the hub's to keep.
  hubKept: { entities: [Booking, ActivityPlace], migrations: civilHubKeptMigrations },
  resolvers: [HubResolver, NearbyHubsResolver, ActivityResolver, ActivityPlacesResolver, BookingResolver, HubLiveResolver, ...civilLiveFields],
  metrics: civilMetrics,
  feeds: [activityFeed],
  hubDirectory: readHubDirectory,
  settings: CIVIL_SETTINGS,
  seed: seedCivil,
};

// What other departments may build on: the Hub type (to add field resolvers) and its enums.
export { Hub } from './hubs/hub.entity';
export { HubKind } from './hubs/hub-kind';
export { FacilityType } from './facilities/facility-type';
export { CIVIL } from './civil-source';
// For the bureau's review, which reads civil's rows.
export { Facility } from './facilities/facility.entity';
export { Activity } from './activities/activity.entity';
export { ActivityStatus } from './activities/activity-status';
export { SocialOrganization } from './organizations/social-organization.entity';
